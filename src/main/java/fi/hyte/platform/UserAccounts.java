package fi.hyte.platform;

import fi.hyte.platform.security.Users;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates user accounts for other modules: an organisation's first administrator, demo users. */
@Service
public class UserAccounts {

    private final Users users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    UserAccounts(Users users, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A random temporary password for a new account, to be changed at first sign-in. */
    public String temporaryPassword() {
        return fi.hyte.platform.security.Passwords.temporary();
    }

    /**
     * Gives an existing account a role in one more organisation: a system operator's act, for people
     * who work in several organisations (e.g. a county coordinator also in a municipality).
     */
    @Transactional
    public boolean link(String username, OrganisationId organisation, Role role, UserId operator, String operatorName) {
        Optional<UserId> user = users.idOf(username.strip());
        if (user.isEmpty()) {
            return false;
        }
        Optional<Role> before = users.roleIn(user.get(), organisation);
        users.grant(user.get(), organisation, role);
        audit.system(
                organisation,
                operator,
                operatorName,
                "membership",
                user.get(),
                before.isPresent() ? "UPDATE" : "CREATE",
                before.map(r -> new AuditedUser(username, null, null, r)).orElse(null),
                new AuditedUser(username, null, null, role));
        return true;
    }

    /** The organisation's users, e.g. to invite them to answer an assessment. */
    public List<Member> members(OrganisationId organisation) {
        return users.members(organisation).stream()
                .filter(Users.Member::active)
                .map(m -> new Member(new UserId(m.id()), m.displayName()))
                .toList();
    }

    /** The organisation's users other than system operators, e.g. to choose respondents from. */
    public List<Member> colleagues(OrganisationId organisation) {
        java.util.Set<java.util.UUID> operators = users.operatorIds();
        return members(organisation).stream()
                .filter(m -> !operators.contains(m.id().value()))
                .toList();
    }

    /** A user of an organisation, as other modules see them. */
    public record Member(UserId id, String name) {}

    public Optional<UserId> find(String username) {
        return users.idOf(username);
    }

    public boolean exists(String username) {
        return users.usernameTaken(username);
    }

    /** A new account that must choose its own password at first sign-in. */
    @Transactional
    public UserId create(
            OrganisationId organisation,
            Role role,
            String username,
            String displayName,
            String email,
            String initialPassword) {
        UserId id = users.insert(
                username.strip(), displayName.strip(), email, passwords.encode(initialPassword), false, true);
        users.grant(id, organisation, role);
        audit.system(
                organisation,
                actorId(),
                actorName(),
                "user",
                id,
                "CREATE",
                null,
                new AuditedUser(username, displayName, email, role));
        return id;
    }

    /** Creates or refreshes a demo account with a known password; returns its id. */
    @Transactional
    public UserId ensureDemoUser(
            OrganisationId organisation,
            Role role,
            String username,
            String displayName,
            String password,
            boolean operator) {
        Optional<UserId> existing = users.idOf(username);
        UserId id;
        if (existing.isPresent()) {
            id = existing.get();
            String stored = users.passwordHash(id);
            if (!demoHash.matches(password, stored)) {
                users.setPassword(id, demoHash.of(password), false);
            }
        } else {
            id = users.insert(username, displayName, null, demoHash.of(password), operator, false);
            audit.system(
                    organisation,
                    null,
                    "Hyte",
                    "user",
                    id,
                    "CREATE",
                    null,
                    new AuditedUser(username, displayName, null, role));
        }
        users.grant(id, organisation, role);
        return id;
    }

    /** The system operator named in configuration, created once at first start. */
    @Transactional
    public boolean ensureOperator(String username, String password) {
        if (users.usernameTaken(username)) {
            return false;
        }
        UserId id = users.insert(username, username, null, passwords.encode(password), true, false);
        audit.system(null, null, "Hyte", "user", id, "CREATE", null, new AuditedUser(username, username, null, null));
        return true;
    }

    private static UserId actorId() {
        return CurrentActor.id();
    }

    private static String actorName() {
        return CurrentActor.name();
    }

    /**
     * The demo users share one password, so one Argon2 hash serves them all: at start Hyte verifies
     * or computes it once instead of once per user (each costs tens of milliseconds by design).
     */
    private final DemoHash demoHash = new DemoHash();

    private final class DemoHash {
        private String password;
        private String hash;

        synchronized boolean matches(String candidate, String stored) {
            if (candidate.equals(password)) {
                // Another hash of the same password may also be valid; replacing it costs nothing.
                return stored.equals(hash);
            }
            if (passwords.matches(candidate, stored)) {
                password = candidate;
                hash = stored;
                return true;
            }
            return false;
        }

        synchronized String of(String candidate) {
            if (!candidate.equals(password)) {
                password = candidate;
                hash = passwords.encode(candidate);
            }
            return hash;
        }
    }

    /** What the audit log keeps of an account: never its password. */
    record AuditedUser(String username, String displayName, String email, Role role) {}
}
