package fr.parvis.territory;

import fr.parvis.shared.ConflictException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.domain.MunicipalService;
import fr.parvis.territory.domain.MunicipalServices;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Municipal services of the current collectivité, to which citizen requests will be routed.
 * Services are deactivated, never deleted, so that past requests keep their service.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class MunicipalServiceManagement {

    private final MunicipalServices services;
    private final ApplicationEventPublisher events;

    MunicipalServiceManagement(MunicipalServices services, ApplicationEventPublisher events) {
        this.services = services;
        this.events = events;
    }

    /** Active services first, then inactive ones, each by name. */
    public List<MunicipalServiceView> list() {
        return services.findAllByOrderByActiveDescNameAsc().stream().map(MunicipalServiceManagement::view).toList();
    }

    public MunicipalServiceView get(UUID id) {
        return view(load(id));
    }

    @Transactional
    public MunicipalServiceView create(@Valid ServiceDraft draft) {
        Actors.require(Permission.SERVICES_MANAGE);
        String name = Texts.clean(draft.name());
        if (services.existsByNameKey(MunicipalService.keyOf(name))) {
            throw new ConflictException("service.name.taken", "name", name);
        }
        MunicipalService service = services.saveAndFlush(
                new MunicipalService(name, Texts.clean(draft.description()), Texts.clean(draft.contactEmail())));
        events.publishEvent(new MunicipalServiceSaved(Tenancy.require(), service.id(), service.name(), true));
        return view(service);
    }

    @Transactional
    public MunicipalServiceView update(UUID id, @Valid ServiceDraft draft) {
        Actors.require(Permission.SERVICES_MANAGE);
        MunicipalService service = load(id);
        String name = Texts.clean(draft.name());
        if (services.existsByNameKeyAndIdNot(MunicipalService.keyOf(name), id)) {
            throw new ConflictException("service.name.taken", "name", name);
        }
        service.update(name, Texts.clean(draft.description()), Texts.clean(draft.contactEmail()));
        services.flush();
        events.publishEvent(new MunicipalServiceSaved(Tenancy.require(), service.id(), service.name(), false));
        return view(service);
    }

    @Transactional
    public MunicipalServiceView setActive(UUID id, boolean active) {
        Actors.require(Permission.SERVICES_MANAGE);
        MunicipalService service = load(id);
        if (service.active() != active) {
            service.setActive(active);
            services.flush();
            events.publishEvent(new MunicipalServiceActivationChanged(Tenancy.require(), service.id(), service.name(),
                    active));
        }
        return view(service);
    }

    /**
     * Applies an edit and an activation change together, in one transaction (either both or
     * neither). {@code draft} or {@code active} may be {@code null} to leave that part unchanged.
     */
    @Transactional
    public MunicipalServiceView change(UUID id, @Valid ServiceDraft draft, Boolean active) {
        MunicipalServiceView result = draft == null ? get(id) : update(id, draft);
        return active == null ? result : setActive(id, active);
    }

    private MunicipalService load(UUID id) {
        return services.findById(id).orElseThrow(() -> new NotFoundException("service.notFound"));
    }

    private static MunicipalServiceView view(MunicipalService s) {
        return new MunicipalServiceView(s.id(), s.name(), s.description(), s.contactEmail(), s.active(), s.createdAt(),
                s.updatedAt());
    }
}
