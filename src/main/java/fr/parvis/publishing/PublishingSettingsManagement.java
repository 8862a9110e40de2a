package fr.parvis.publishing;

import fr.parvis.channels.ChannelPublishing;
import fr.parvis.channels.PublishingTarget;
import fr.parvis.compliance.AuditDetails;
import fr.parvis.compliance.AuditRecord;
import fr.parvis.compliance.AuditTrail;
import fr.parvis.publishing.domain.AccountSetting;
import fr.parvis.publishing.domain.AccountSettings;
import fr.parvis.publishing.domain.CircuitSettings;
import fr.parvis.publishing.domain.CircuitSettingsRecords;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.Texts;
import fr.parvis.territory.Permission;
import fr.parvis.territory.Role;
import fr.parvis.territory.access.Actors;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval circuit of the collectivité (0, 1 or 2 levels, the roles approving at each level,
 * e-mail notifications) and each account's own settings (more levels, native scheduling). Every
 * change is audited.
 */
@Service
@Transactional(readOnly = true)
public class PublishingSettingsManagement {

    /** The roles that may approve a post. */
    public static final Set<Role> APPROVER_ROLES = Set.copyOf(EnumSet.of(Role.ADMIN, Role.COMMUNICATION_DIRECTOR,
            Role.ELECTED_OFFICIAL));

    /** The most levels a circuit may have. */
    public static final int MAX_LEVELS = 2;

    private final CircuitSettingsRecords store;
    private final AccountSettings accountSettings;
    private final ChannelPublishing channels;
    private final AuditTrail audit;

    PublishingSettingsManagement(CircuitSettingsRecords store, AccountSettings accountSettings,
            ChannelPublishing channels, AuditTrail audit) {
        this.store = store;
        this.accountSettings = accountSettings;
        this.channels = channels;
        this.audit = audit;
    }

    /** The circuit of the current collectivité (the defaults until someone changes them). */
    public CircuitSettingsView settings() {
        return view(current());
    }

    /**
     * Changes the circuit. Levels in 0..2; every level in use (by the collectivité or by an
     * account's own setting) needs at least one role; only administrators, communication directors
     * and elected officials approve.
     */
    @Transactional
    public CircuitSettingsView change(int approvalLevels, Set<Role> level1Roles, Set<Role> level2Roles,
            boolean notifyByEmail) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        Set<Role> level1 = roles(level1Roles, "level1Roles");
        Set<Role> level2 = roles(level2Roles, "level2Roles");
        requireLevels(approvalLevels, "approvalLevels");
        int used = Math.max(approvalLevels, accountSettings.findAll().stream()
                .map(AccountSetting::approvalLevels).filter(l -> l != null).mapToInt(Integer::intValue).max().orElse(0));
        requireRoles(used, level1, level2);
        CircuitSettings settings = store.findFirstBy().orElse(null);
        if (settings == null) {
            settings = new CircuitSettings(approvalLevels, level1, level2, notifyByEmail);
        } else {
            settings.change(approvalLevels, level1, level2, notifyByEmail);
        }
        store.save(settings);
        audit.record(new AuditRecord("publishing.settings.changed", "publishing_settings",
                settings.id() == null ? null : settings.id().toString(), "Circuit de validation",
                AuditDetails.of("levels", String.valueOf(approvalLevels), "level1", names(level1), "level2",
                        names(level2), "email", String.valueOf(notifyByEmail))));
        return view(settings);
    }

    /** The most names watched during the reserve. */
    public static final int MAX_RESERVE_NAMES = 100;

    /** The longest name watched during the reserve. */
    public static final int MAX_RESERVE_NAME = 150;

    /** Room for all of them together (the column). */
    static final int RESERVE_NAMES_ROOM = 4000;

    /**
     * The names of candidates and parties (and their accounts: {@code @handle} or address) that the
     * pre-election checks watch for during a reserve period.
     */
    public List<String> reserveNames() {
        return current().reserveNames();
    }

    /**
     * Replaces the names watched during the reserve: blank lines are dropped, duplicates kept once;
     * at most {@value #MAX_RESERVE_NAMES} names of at most {@value #MAX_RESERVE_NAME} characters,
     * without control characters, {@value #RESERVE_NAMES_ROOM} characters in all. Audited.
     */
    @Transactional
    public List<String> changeReserveNames(List<String> names) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        List<String> cleaned = new java.util.ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            String value = name == null ? "" : name.strip();
            if (value.isEmpty() || cleaned.contains(value)) {
                continue;
            }
            if (value.length() > MAX_RESERVE_NAME) {
                throw new InvalidInputException("publishing.settings.reserveNameTooLong", "reserveNames",
                        Texts.abbreviate(value, 40), MAX_RESERVE_NAME);
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("publishing.settings.reserveNameInvalid", "reserveNames",
                        Texts.abbreviate(value.replaceAll("\\p{Cntrl}", " "), 40));
            }
            cleaned.add(value);
        }
        if (cleaned.size() > MAX_RESERVE_NAMES) {
            throw new InvalidInputException("publishing.settings.reserveNamesTooMany", "reserveNames",
                    MAX_RESERVE_NAMES);
        }
        if (String.join("\n", cleaned).length() > RESERVE_NAMES_ROOM) {
            throw new InvalidInputException("publishing.settings.reserveNamesTooLong", "reserveNames",
                    RESERVE_NAMES_ROOM);
        }
        CircuitSettings settings = store.findFirstBy().orElseGet(CircuitSettings::defaults);
        List<String> before = settings.reserveNames();
        settings.reserveNames(cleaned);
        store.save(settings);
        audit.record(new AuditRecord("publishing.settings.reserveNamesChanged", "publishing_settings",
                settings.id() == null ? null : settings.id().toString(), "Noms surveillés pendant la réserve",
                AuditDetails.of("count", String.valueOf(cleaned.size()), "before", String.valueOf(before.size()))));
        return settings.reserveNames();
    }

    /** The accounts that can publish, with their own settings. */
    public List<AccountPublishingSettingView> accountSettings() {
        Map<UUID, AccountSetting> byAccount = new LinkedHashMap<>();
        accountSettings.findAll().forEach(s -> byAccount.put(s.accountId(), s));
        return channels.targets().stream().map(t -> view(t, byAccount.get(t.accountId()))).toList();
    }

    /**
     * Changes an account's settings: its own number of levels ({@code null} for the collectivité's)
     * and native scheduling (only where the network offers it).
     */
    @Transactional
    public AccountPublishingSettingView changeAccount(UUID accountId, Integer approvalLevels,
            boolean nativeScheduling) {
        Actors.require(Permission.PUBLISHING_SETTINGS);
        PublishingTarget target = channels.target(accountId);
        if (approvalLevels != null) {
            requireLevels(approvalLevels, "approvalLevels");
            CircuitSettings circuit = current();
            requireRoles(approvalLevels, circuit.level1Roles(), circuit.level2Roles());
        }
        if (nativeScheduling && !target.nativeScheduling()) {
            throw new InvalidInputException("publishing.settings.nativeUnsupported", "nativeScheduling",
                    target.handle());
        }
        AccountSetting setting = accountSettings.findByAccountId(accountId).orElseGet(() -> new AccountSetting(accountId));
        setting.change(approvalLevels, nativeScheduling);
        accountSettings.save(setting);
        audit.record(new AuditRecord("publishing.settings.accountChanged", "account", accountId.toString(),
                target.network().name() + " @" + target.handle(), AuditDetails.of("levels",
                        approvalLevels == null ? "default" : String.valueOf(approvalLevels), "native",
                        String.valueOf(nativeScheduling))));
        return view(target, setting);
    }

    private CircuitSettings current() {
        return store.findFirstBy().orElseGet(CircuitSettings::defaults);
    }

    private static void requireLevels(int levels, String field) {
        if (levels < 0 || levels > MAX_LEVELS) {
            throw new InvalidInputException("publishing.settings.levels", field, MAX_LEVELS);
        }
    }

    private static void requireRoles(int used, Set<Role> level1, Set<Role> level2) {
        if (used >= 1 && level1.isEmpty()) {
            throw new InvalidInputException("publishing.settings.rolesRequired", "level1Roles", 1);
        }
        if (used >= 2 && level2.isEmpty()) {
            throw new InvalidInputException("publishing.settings.rolesRequired", "level2Roles", 2);
        }
    }

    private static Set<Role> roles(Set<Role> roles, String field) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (Role role : roles) {
                if (role == null || !APPROVER_ROLES.contains(role)) {
                    throw new InvalidInputException("publishing.settings.roleNotApprover", field);
                }
                set.add(role);
            }
        }
        return set;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(" "));
    }

    private static CircuitSettingsView view(CircuitSettings s) {
        return new CircuitSettingsView(s.approvalLevels(), s.level1Roles(), s.level2Roles(), s.notifyByEmail());
    }

    private static AccountPublishingSettingView view(PublishingTarget t, AccountSetting s) {
        return new AccountPublishingSettingView(t.accountId(), t.network(), t.handle(), t.community(),
                s == null ? null : s.approvalLevels(), s != null && s.nativeScheduling(), t.nativeScheduling());
    }
}
