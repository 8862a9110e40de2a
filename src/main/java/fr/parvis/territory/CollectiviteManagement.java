package fr.parvis.territory;

import fr.parvis.shared.CollectiviteId;
import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.Access;
import fr.parvis.territory.access.AccessVia;
import fr.parvis.territory.access.ActorSnapshot;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.access.ParvisAuthentication;
import fr.parvis.territory.access.SystemActor;
import fr.parvis.territory.domain.Collectivite;
import fr.parvis.territory.domain.CollectiviteLogo;
import fr.parvis.territory.domain.CollectiviteLogos;
import fr.parvis.territory.domain.Collectivites;
import jakarta.validation.Valid;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * The current collectivité: reading and editing its settings and logo, and creating the
 * collectivités attached to it. Every method works on the current collectivité only: asking for
 * another one by id gives {@link NotFoundException}, exactly as for an id that does not exist.
 */
@Service
@Validated
@Transactional(readOnly = true)
@CrossTenant("Collectivités are the tenants; each method resolves the current one from Tenancy")
public class CollectiviteManagement {

    /** Maximum logo size: 512 KiB. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private final Collectivites collectivites;
    private final CollectiviteLogos logos;
    private final MemberManagement members;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CollectiviteManagement(Collectivites collectivites, CollectiviteLogos logos, MemberManagement members,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.collectivites = collectivites;
        this.logos = logos;
        this.members = members;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The current collectivité. */
    public CollectiviteView current() {
        return view(load(Tenancy.require()));
    }

    /** A collectivité by id: only the current one is visible. */
    public CollectiviteView get(CollectiviteId id) {
        return view(load(visible(id)));
    }

    /** Collectivités attached to the current one (the member communes of an EPCI…). */
    public List<CollectiviteView> attached() {
        return collectivites.findByParentIdOrderByName(Tenancy.require().value()).stream().map(this::view).toList();
    }

    @Transactional
    public CollectiviteView update(CollectiviteId id, @Valid CollectiviteSettings settings) {
        Actors.require(Permission.COLLECTIVITE_EDIT);
        Collectivite collectivite = load(visible(id));
        List<String> changed = apply(collectivite, collectivite.type(), settings);
        if (!changed.isEmpty()) {
            collectivites.saveAndFlush(collectivite);
            events.publishEvent(new CollectiviteUpdated(collectivite.collectiviteId(), collectivite.name(),
                    String.join(", ", changed)));
        }
        return view(collectivite);
    }

    /**
     * Creates a collectivité attached to the current one (a member commune of an EPCI, an EPCI of
     * a département…) and makes the current agent its administrator, in one transaction that acts
     * in the new collectivité (so its membership and audit entries land there).
     */
    @Transactional(propagation = Propagation.NEVER)
    public CollectiviteView createAttached(@Valid NewCollectivite draft) {
        Actors.require(Permission.COLLECTIVITE_EDIT);
        ParvisAuthentication agent = Actors.requireAgent();
        CollectiviteId parentId = Tenancy.require();
        CollectiviteId newId = new CollectiviteId(UUID.randomUUID());
        Access adminOfNew = new Access(newId, Texts.clean(draft.settings().name()), Role.ADMIN, AccessVia.MEMBERSHIP,
                null);
        return SystemActor.runAs(agent.withAccess(adminOfNew), () -> transaction.execute(status -> {
            Collectivite parent = load(parentId);
            if (!draft.type().allowedParents().contains(parent.type())) {
                throw new InvalidInputException("collectivite.parent.wrongType", "type");
            }
            Collectivite created = create(newId, draft.type(), withParent(draft.settings(), parent), false);
            members.addCreator(agent.userId());
            return view(created);
        }));
    }

    /**
     * Creates a collectivité for the platform itself (first-run set-up, demo), inside the caller's
     * transaction. The caller acts for {@code id} through {@code SystemActor.actFor}, so what it
     * adds next in the same transaction (the first administrator…) belongs to the new collectivité.
     */
    @Transactional
    public CollectiviteView createStandalone(CollectiviteId id, @Valid NewCollectivite draft, boolean demo) {
        if (Actors.currentSystem().isEmpty() || !Tenancy.current().equals(Optional.of(id))) {
            throw new AccessDeniedException("Platform operation, to run as SystemActor.actFor(id)");
        }
        return view(create(id, draft.type(), draft.settings(), demo));
    }

    /** Whether any collectivité exists (first-run set-up is offered when none does). */
    public boolean anyExists() {
        return collectivites.count() > 0;
    }

    /** Looks a collectivité up by slug, for the platform itself (demo seeding). */
    public Optional<CollectiviteView> findBySlugForPlatform(String slug) {
        if (Actors.currentSystem().isEmpty()) {
            throw new AccessDeniedException("Platform operation");
        }
        return collectivites.findBySlug(slug).map(this::view);
    }

    /** The logo of a collectivité: only the current one's. */
    public Optional<LogoImage> logo(CollectiviteId id) {
        CollectiviteId visible = visible(id);
        return logos.findByCollectiviteId(visible.value())
                .map(logo -> new LogoImage(logo.contentType(), logo.content(), logo.sha256()));
    }

    /** Replaces the logo. Accepts PNG, JPEG and WebP images up to {@link #MAX_LOGO_BYTES}. */
    @Transactional
    public void changeLogo(CollectiviteId id, byte[] content) {
        Actors.require(Permission.COLLECTIVITE_EDIT);
        CollectiviteId visible = visible(id);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("collectivite.logo.empty", "logo");
        }
        if (content.length > MAX_LOGO_BYTES) {
            throw new InvalidInputException("collectivite.logo.tooLarge", "logo", MAX_LOGO_BYTES / 1024);
        }
        String contentType = imageType(content)
                .orElseThrow(() -> new InvalidInputException("collectivite.logo.unsupported", "logo"));
        String sha256 = sha256(content);
        Optional<CollectiviteLogo> existing = logos.findByCollectiviteId(visible.value());
        if (existing.isPresent()) {
            existing.get().replace(contentType, content, sha256);
        } else {
            logos.save(new CollectiviteLogo(contentType, content, sha256));
        }
        events.publishEvent(new CollectiviteLogoChanged(visible, false));
    }

    @Transactional
    public void removeLogo(CollectiviteId id) {
        Actors.require(Permission.COLLECTIVITE_EDIT);
        CollectiviteId visible = visible(id);
        logos.findByCollectiviteId(visible.value()).ifPresent(logo -> {
            logos.delete(logo);
            events.publishEvent(new CollectiviteLogoChanged(visible, true));
        });
    }

    private Collectivite create(CollectiviteId id, CollectiviteType type, CollectiviteSettings settings,
            boolean demo) {
        Collectivite collectivite = new Collectivite(id.value(), type, "", "", TimeZones.DEFAULT, demo);
        apply(collectivite, type, settings);
        collectivites.saveAndFlush(collectivite);
        UUID parentId = collectivite.parentId();
        events.publishEvent(new CollectiviteCreated(collectivite.collectiviteId(),
                parentId == null ? null : new CollectiviteId(parentId), collectivite.name(), type, ActorSnapshot.current()));
        return collectivite;
    }

    /** Validates and applies settings; returns the names of the fields that changed. */
    private List<String> apply(Collectivite collectivite, CollectiviteType type, CollectiviteSettings settings) {
        String name = Texts.clean(settings.name());
        String slug = Texts.clean(settings.slug());
        slug = slug == null ? uniqueSlug(Texts.slugify(name, 64), collectivite.id()) : slug.toLowerCase();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("collectivite.slug.invalid", "slug");
        }
        if (collectivites.existsBySlugAndIdNot(slug, collectivite.id())) {
            throw new ConflictException("collectivite.slug.taken", "slug", slug);
        }
        String officialCode = OfficialCodes.normalize(Texts.clean(settings.officialCode()));
        OfficialCodes.check(type, officialCode);
        collectivites.findFirstByTypeAndOfficialCode(type, officialCode)
                .filter(other -> !other.id().equals(collectivite.id()))
                .ifPresent(other -> {
                    throw new ConflictException("collectivite.officialCode.taken", "officialCode", officialCode);
                });
        String siren = OfficialCodes.normalize(Texts.clean(settings.siren()));
        OfficialCodes.checkOptionalSiren(siren);
        if (type == CollectiviteType.COMMUNE && settings.population() == null) {
            throw new InvalidInputException("collectivite.population.required", "population");
        }
        String color = Texts.clean(settings.primaryColor());
        if (color != null && !BrandColors.isHexColor(color)) {
            throw new InvalidInputException("collectivite.color.invalid", "primaryColor");
        }
        String zone = Texts.clean(settings.timeZone());
        zone = zone == null ? TimeZones.DEFAULT : zone;
        if (!TimeZones.FRENCH.contains(zone)) {
            throw new InvalidInputException("collectivite.timeZone.invalid", "timeZone");
        }
        UUID parentId = parentFor(type, OfficialCodes.normalize(Texts.clean(settings.parentCode())), collectivite);

        List<String> changed = new ArrayList<>();
        track(changed, "name", collectivite.name(), name);
        track(changed, "slug", collectivite.slug(), slug);
        track(changed, "officialCode", collectivite.officialCode(), officialCode);
        track(changed, "siren", collectivite.siren(), siren);
        track(changed, "population", collectivite.population(), settings.population());
        track(changed, "parent", collectivite.parentId(), parentId);
        track(changed, "primaryColor", collectivite.primaryColor(), color == null ? null : color.toLowerCase());
        track(changed, "timeZone", collectivite.timeZone(), zone);
        collectivite.rename(name, slug);
        collectivite.identify(officialCode, siren);
        collectivite.describe(settings.population(), color == null ? null : color.toLowerCase(), zone);
        collectivite.attachTo(parentId);
        return changed;
    }

    private UUID parentFor(CollectiviteType type, String parentCode, Collectivite self) {
        if (parentCode == null || parentCode.isEmpty()) {
            return null;
        }
        for (CollectiviteType parentType : type.allowedParents()) {
            Optional<Collectivite> parent = collectivites.findFirstByTypeAndOfficialCode(parentType, parentCode);
            if (parent.isPresent() && !parent.get().id().equals(self.id())) {
                return parent.get().id();
            }
        }
        throw new InvalidInputException("collectivite.parent.notFound", "parentCode", parentCode);
    }

    private static CollectiviteSettings withParent(CollectiviteSettings settings, Collectivite parent) {
        return new CollectiviteSettings(settings.name(), settings.slug(), settings.officialCode(), settings.siren(),
                settings.population(), parent.officialCode(), settings.primaryColor(), settings.timeZone());
    }

    private String uniqueSlug(String base, UUID self) {
        String root = base.isEmpty() ? "collectivite" : base;
        String candidate = root;
        for (int i = 2; collectivites.existsBySlugAndIdNot(candidate, self); i++) {
            String suffix = "-" + i;
            candidate = root.substring(0, Math.min(root.length(), 64 - suffix.length())) + suffix;
        }
        return candidate;
    }

    private static void track(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static CollectiviteId visible(CollectiviteId requested) {
        CollectiviteId current = Tenancy.require();
        if (!current.equals(requested)) {
            throw new NotFoundException("collectivite.notFound");
        }
        return current;
    }

    private Collectivite load(CollectiviteId id) {
        return collectivites.findById(id.value()).orElseThrow(() -> new NotFoundException("collectivite.notFound"));
    }

    private CollectiviteView view(Collectivite c) {
        Optional<Collectivite> parent = c.parentId() == null ? Optional.empty() : collectivites.findById(c.parentId());
        String logoVersion = Tenancy.current().filter(current -> current.value().equals(c.id())).isPresent()
                ? logos.findByCollectiviteId(c.id()).map(l -> l.sha256().substring(0, 12)).orElse(null)
                : null;
        return new CollectiviteView(c.collectiviteId(), c.type(), c.name(), c.slug(), c.officialCode(), c.siren(),
                c.population(), parent.map(Collectivite::collectiviteId).orElse(null),
                parent.map(Collectivite::name).orElse(null), parent.map(Collectivite::officialCode).orElse(null),
                c.primaryColor(), BrandColors.accentFor(c.primaryColor()), c.timeZone(), c.demo(), logoVersion);
    }

    static Optional<String> imageType(byte[] content) {
        if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G' && content[4] == 0x0d && content[5] == 0x0a && content[6] == 0x1a
                && content[7] == 0x0a) {
            return Optional.of("image/png");
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (content.length >= 12 && content[0] == 'R' && content[1] == 'I' && content[2] == 'F' && content[3] == 'F'
                && content[8] == 'W' && content[9] == 'E' && content[10] == 'B' && content[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
