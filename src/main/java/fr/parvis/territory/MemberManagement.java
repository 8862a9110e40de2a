package fr.parvis.territory;

import fr.parvis.shared.ConflictException;
import fr.parvis.shared.InvalidInputException;
import fr.parvis.shared.NotFoundException;
import fr.parvis.shared.Texts;
import fr.parvis.shared.UserId;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.Tenancy;
import fr.parvis.territory.access.Actors;
import fr.parvis.territory.domain.ApiToken;
import fr.parvis.territory.domain.ApiTokens;
import fr.parvis.territory.domain.Membership;
import fr.parvis.territory.domain.Memberships;
import fr.parvis.territory.domain.UserAccount;
import fr.parvis.territory.domain.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The members of the current collectivité and their roles. A collectivité always keeps at least
 * one administrator.
 */
@Service
@Validated
@Transactional(readOnly = true)
@CrossTenant("Accounts are shared between collectivités: adding a member looks the account up by e-mail")
public class MemberManagement {

    private final Memberships memberships;
    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberManagement(Memberships memberships, UserAccounts accounts, ApiTokens tokens,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    public List<MemberView> list() {
        Actors.require(Permission.MEMBERS_VIEW);
        Instant now = clock.instant();
        return memberships.findAllWithUsers().stream().map(m -> view(m, now)).toList();
    }

    /**
     * The members of the current collectivité who hold one of {@code roles}, for notifications
     * sent by other modules (approvers of a post, the on-call moderator). No permission needed: it
     * gives no more than a name and an address to write to.
     */
    public List<MemberView> withRoles(java.util.Set<Role> roles) {
        Instant now = clock.instant();
        return memberships.findAllWithUsers().stream().map(m -> view(m, now))
                .filter(m -> roles.contains(m.role())).toList();
    }

    public MemberView get(UUID membershipId) {
        Actors.require(Permission.MEMBERS_VIEW);
        return view(load(membershipId), clock.instant());
    }

    /**
     * Adds a member; creates the account if the e-mail address has none yet, with the given
     * password as a temporary one (to be changed at first login).
     */
    @Transactional
    public AddedMember add(@Valid NewMember member) {
        Actors.require(Permission.MEMBERS_MANAGE);
        return addMember(member, true);
    }

    /**
     * Adds a member whose password is final (first-run set-up, where the administrator chooses
     * it, and the demo). Platform only.
     */
    @Transactional
    public AddedMember addWithOwnPassword(@Valid NewMember member) {
        if (Actors.currentSystem().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("Platform operation");
        }
        return addMember(member, false);
    }

    private AddedMember addMember(NewMember member, boolean temporaryPassword) {
        String email = member.email().strip();
        String displayName = Texts.clean(member.displayName());
        Optional<UserAccount> existing = accounts.findByEmailKey(UserAccount.keyOf(email));
        UserAccount account;
        boolean newAccount = existing.isEmpty();
        if (existing.isPresent()) {
            account = existing.get();
            if (memberships.findByUserId(account.id()).isPresent()) {
                throw new ConflictException("member.email.alreadyMember", "email", email);
            }
        } else {
            if (member.initialPassword() == null || member.initialPassword().isEmpty()) {
                throw new InvalidInputException("member.password.requiredForNewAccount", "initialPassword");
            }
            PasswordPolicy.check(member.initialPassword(), email, displayName, "initialPassword");
            account = new UserAccount(email, displayName, "fr");
            account.setPassword(passwordEncoder.encode(member.initialPassword()), clock.instant(), temporaryPassword);
            accounts.save(account);
        }
        Membership membership = memberships.saveAndFlush(new Membership(account, member.role()));
        events.publishEvent(new MemberAdded(Tenancy.require(), membership.id(), account.userId(), account.email(),
                member.role(), newAccount));
        return new AddedMember(view(membership, clock.instant()), newAccount);
    }

    /** Makes an existing account administrator of the current collectivité (its creator). */
    @Transactional
    void addCreator(UserId userId) {
        UserAccount account = accounts.findById(userId.value()).orElseThrow();
        Membership membership = memberships.saveAndFlush(new Membership(account, Role.ADMIN));
        events.publishEvent(new MemberAdded(Tenancy.require(), membership.id(), account.userId(), account.email(),
                Role.ADMIN, false));
    }

    @Transactional
    public MemberView changeRole(UUID membershipId, @NotNull Role role) {
        Actors.require(Permission.MEMBERS_MANAGE);
        Membership membership = load(membershipId);
        Role previous = membership.role();
        if (previous == role) {
            return view(membership, clock.instant());
        }
        if (previous == Role.ADMIN) {
            requireAnotherAdmin();
        }
        membership.changeRole(role);
        memberships.flush();
        events.publishEvent(new MemberRoleChanged(Tenancy.require(), membership.id(), membership.user().userId(),
                membership.user().email(), previous, role));
        return view(membership, clock.instant());
    }

    /** Removes a member and revokes the tokens they hold in this collectivité. The account stays. */
    @Transactional
    public void remove(UUID membershipId) {
        Actors.require(Permission.MEMBERS_MANAGE);
        Membership membership = load(membershipId);
        if (membership.role() == Role.ADMIN) {
            requireAnotherAdmin();
        }
        UserAccount account = membership.user();
        Instant now = clock.instant();
        UUID actor = Actors.currentAgent().map(a -> a.userId().value()).orElse(null);
        for (ApiToken token : tokens.findByUserIdAndRevokedAtIsNull(account.id())) {
            token.revoke(actor, now);
            events.publishEvent(new ApiTokenRevoked(Tenancy.require(), token.id(), token.name(), account.userId()));
        }
        memberships.delete(membership);
        memberships.flush();
        events.publishEvent(new MemberRemoved(Tenancy.require(), membership.id(), account.userId(), account.email(),
                membership.role()));
    }

    /** Lifts the lock of a member's account after repeated failed logins. */
    @Transactional
    public MemberView unlock(UUID membershipId) {
        Actors.require(Permission.MEMBERS_MANAGE);
        Membership membership = load(membershipId);
        membership.user().unlock();
        events.publishEvent(new AccountUnlocked(Tenancy.require(), membership.user().userId(),
                membership.user().email()));
        return view(membership, clock.instant());
    }

    private void requireAnotherAdmin() {
        if (memberships.countByRole(Role.ADMIN) <= 1) {
            throw new ConflictException("member.lastAdmin", "role");
        }
    }

    private Membership load(UUID membershipId) {
        return memberships.findWithUser(membershipId).orElseThrow(() -> new NotFoundException("member.notFound"));
    }

    private static MemberView view(Membership membership, Instant now) {
        UserAccount user = membership.user();
        return new MemberView(membership.id(), user.userId(), user.email(), user.displayName(), membership.role(),
                membership.createdAt(), user.lastLoginAt(), user.lockedAt(now) ? user.lockedUntil() : null,
                user.mustChangePassword(), user.oidcSubject() != null);
    }
}
