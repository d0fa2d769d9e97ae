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

    /** The organisation's users, e.g. to invite them to answer an assessment. */
    public List<Member> members(OrganisationId organisation) {
        return users.members(organisation).stream()
                .filter(Users.Member::active)
                .map(m -> new Member(new UserId(m.id()), m.displayName()))
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
            if (!passwords.matches(password, users.passwordHash(id))) {
                users.setPassword(id, passwords.encode(password), false);
            }
        } else {
            id = users.insert(username, displayName, null, passwords.encode(password), operator, false);
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

    /** What the audit log keeps of an account: never its password. */
    record AuditedUser(String username, String displayName, String email, Role role) {}
}
