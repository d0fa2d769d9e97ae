package fi.hyte.platform.security;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's administrators manage who may use Hyte in it, and with which role. */
@Service
class UserAdministration {

    private final Users users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApiTokens tokens;
    private final AccountSessions sessions;

    UserAdministration(
            Users users, PasswordEncoder passwords, AuditLog audit, ApiTokens tokens, AccountSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.tokens = tokens;
    }

    /**
     * Adds a new account to this organisation and returns its temporary password. An existing
     * username is refused: an administrator may not take another organisation's account (or the
     * operator's) into theirs; a system operator links shared accounts.
     */
    @Transactional
    Optional<String> add(Tenant tenant, NewUserForm form) {
        tenant.require(Role.ADMIN);
        if (users.idOf(form.username().strip()).isPresent()) {
            throw new IllegalStateException("username taken");
        }
        String temporary = temporaryPassword();
        UserId id = users.insert(
                form.username().strip(),
                form.displayName().strip(),
                blankToNull(form.email()),
                passwords.encode(temporary),
                false,
                true);
        users.grant(id, tenant.organisation(), form.role());
        audit.created(tenant, "membership", id, new AuditedMembership(form.username(), form.role()));
        return Optional.of(temporary);
    }

    @Transactional
    void changeRole(Tenant tenant, UserId user, Role role) {
        tenant.require(Role.ADMIN);
        Users.Member member =
                users.member(tenant.organisation(), user).orElseThrow(() -> new NotFoundException("user"));
        if (member.role() == Role.ADMIN && role != Role.ADMIN && users.lockAndCountAdmins(tenant.organisation()) <= 1) {
            throw new LastAdministratorException();
        }
        users.grant(user, tenant.organisation(), role);
        audit.updated(
                tenant,
                "membership",
                user,
                new AuditedMembership(member.username(), member.role()),
                new AuditedMembership(member.username(), role));
    }

    @Transactional
    void remove(Tenant tenant, UserId user) {
        tenant.require(Role.ADMIN);
        Users.Member member =
                users.member(tenant.organisation(), user).orElseThrow(() -> new NotFoundException("user"));
        if (member.role() == Role.ADMIN && users.lockAndCountAdmins(tenant.organisation()) <= 1) {
            throw new LastAdministratorException();
        }
        users.revoke(user, tenant.organisation());
        tokens.revokeAll(tenant, user);
        audit.deleted(tenant, "membership", user, new AuditedMembership(member.username(), member.role()));
    }

    @Transactional
    String resetPassword(Tenant tenant, UserId user) {
        tenant.require(Role.ADMIN);
        Users.Member member =
                users.member(tenant.organisation(), user).orElseThrow(() -> new NotFoundException("user"));
        if (users.account(user).map(Users.Account::operator).orElse(true)
                || users.organisationsOf(user).size() > 1) {
            throw new SharedAccountException();
        }
        String temporary = temporaryPassword();
        users.setPassword(user, passwords.encode(temporary), true);
        sessions.endOthers(member.username(), null);
        audit.updated(tenant, "password", user, null, new AuditedMembership(member.username(), member.role()));
        return temporary;
    }

    static String temporaryPassword() {
        return Passwords.temporary();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The account is also used elsewhere; only its owner or a system operator may reset it. */
    static class SharedAccountException extends RuntimeException {
        SharedAccountException() {
            super("the account is shared with other organisations");
        }
    }

    /** The organisation would be left with no administrator. */
    static class LastAdministratorException extends RuntimeException {
        LastAdministratorException() {
            super("the last administrator cannot be removed");
        }
    }

    /** What the audit log keeps of a membership. */
    record AuditedMembership(String username, Role role) {}
}
