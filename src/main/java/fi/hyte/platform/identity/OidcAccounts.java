package fi.hyte.platform.identity;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import fi.hyte.platform.security.Passwords;
import fi.hyte.platform.security.Users;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Hyte account an OpenID Connect sign-in is. A provider's subject is linked to an account once:
 * at the first sign-in, only to the one account that an administrator of the provider's organisation
 * gave the same e-mail address, and only if the provider says the address is verified. Otherwise the
 * sign-in is refused, unless the operator turned on just-in-time accounts for the provider. Where the
 * provider maps groups to roles, the role in its organisation follows the groups at every sign-in.
 */
@Service
class OidcAccounts {

    static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\"<>,;:\\\\()\\[\\]]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$");

    private final SignInProviders providers;
    private final ProviderRegistrations registrations;
    private final Users users;
    private final AuditLog audit;
    private final PasswordEncoder passwords;

    OidcAccounts(
            SignInProviders providers,
            ProviderRegistrations registrations,
            Users users,
            AuditLog audit,
            PasswordEncoder passwords) {
        this.providers = providers;
        this.registrations = registrations;
        this.users = users;
        this.audit = audit;
        this.passwords = passwords;
    }

    /** Why a sign-in was refused; each has its message on the sign-in page ({@code login.sso.KEY}). */
    enum Refusal {
        UNKNOWN,
        UNVERIFIED,
        NO_ROLE,
        FAILED;

        String key() {
            return switch (this) {
                case UNKNOWN -> "unknown";
                case UNVERIFIED -> "unverified";
                case NO_ROLE -> "noRole";
                case FAILED -> "failed";
            };
        }
    }

    /** The account signed in, in the organisation of the provider (if it has one), or the refusal. */
    record Outcome(UserId user, Optional<OrganisationId> organisation, Refusal refusal) {

        static Outcome refused(Refusal why) {
            return new Outcome(null, Optional.empty(), why);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    @Transactional
    Outcome signIn(String registrationId, OidcUser person) {
        Optional<SignInProvider> stored = SignInProvider.idOf(registrationId).flatMap(providers::find);
        if (stored.isEmpty() && !registrations.isConfigured(registrationId)) {
            return Outcome.refused(Refusal.FAILED);
        }
        SignInProvider provider = stored.orElse(null);
        if (provider != null && !provider.enabled()) {
            return Outcome.refused(Refusal.FAILED);
        }
        OrganisationId organisation = provider == null ? null : provider.organisation();
        String providerName = provider == null ? registrationId : provider.name();
        String subject = person.getSubject();

        Optional<UserId> linked = providers.linked(registrationId, subject);
        UserId user;
        if (linked.isPresent()) {
            user = linked.get();
            providers.touch(registrationId, subject);
        } else {
            String claim = provider == null ? "email" : provider.usernameClaim();
            String value = person.getClaimAsString(claim);
            if (value == null || value.isBlank()) {
                return Outcome.refused(Refusal.UNKNOWN);
            }
            value = value.strip();
            if ("email".equals(claim) && !Boolean.TRUE.equals(person.getEmailVerified())) {
                return Outcome.refused(Refusal.UNVERIFIED);
            }
            List<UserId> invited = EMAIL.matcher(value).matches() ? providers.invited(organisation, value) : List.of();
            if (invited.size() == 1) {
                user = invited.get(0);
            } else if (invited.isEmpty() && provider != null && provider.newUserRole() != null) {
                Optional<UserId> created = createAccount(provider, person, value);
                if (created.isEmpty()) {
                    return Outcome.refused(Refusal.UNKNOWN);
                }
                user = created.get();
            } else {
                return Outcome.refused(Refusal.UNKNOWN);
            }
            providers.link(registrationId, subject, user);
            audit.system(
                    organisation,
                    user,
                    nameOf(user),
                    "sign-in-link",
                    user,
                    "CREATE",
                    null,
                    new AuditedLink(providerName, subject, value));
        }
        if (users.account(user).filter(Users.Account::active).isEmpty()) {
            return Outcome.refused(Refusal.UNKNOWN);
        }
        if (provider != null) {
            Optional<Role> before = users.roleIn(user, organisation);
            if (provider.managesRoles()) {
                List<String> groups = person.getClaimAsStringList(provider.groupClaim());
                Optional<Role> after = provider.roleFor(groups == null ? List.of() : groups);
                if (!after.equals(before)) {
                    applyRole(provider, user, before, after);
                }
                if (after.isEmpty()) {
                    return Outcome.refused(Refusal.NO_ROLE);
                }
            } else if (before.isEmpty()) {
                return Outcome.refused(Refusal.UNKNOWN);
            }
        }
        audit.system(
                organisation, user, nameOf(user), "sign-in", user, "CREATE", null, new AuditedSignIn(providerName));
        return new Outcome(user, Optional.ofNullable(organisation), null);
    }

    private void applyRole(SignInProvider provider, UserId user, Optional<Role> before, Optional<Role> after) {
        String username = users.account(user).map(Users.Account::username).orElse("");
        if (after.isPresent()) {
            users.grant(user, provider.organisation(), after.get());
        } else {
            users.revoke(user, provider.organisation());
        }
        audit.system(
                provider.organisation(),
                user,
                nameOf(user),
                "membership",
                user,
                before.isEmpty() ? "CREATE" : after.isEmpty() ? "DELETE" : "UPDATE",
                before.map(r -> new AuditedRole(username, r, provider.name())).orElse(null),
                after.map(r -> new AuditedRole(username, r, provider.name())).orElse(null));
    }

    private Optional<UserId> createAccount(SignInProvider provider, OidcUser person, String value) {
        if (users.usernameTaken(value) || value.length() > 60) {
            return Optional.empty();
        }
        String name = Optional.ofNullable(person.getFullName())
                .filter(n -> !n.isBlank())
                .map(String::strip)
                .orElse(value);
        String email = Optional.ofNullable(person.getEmail())
                .filter(e -> Boolean.TRUE.equals(person.getEmailVerified())
                        && EMAIL.matcher(e).matches())
                .orElse(EMAIL.matcher(value).matches() ? value : null);
        // The account signs in through its provider only: its password is random and never told to anyone.
        UserId id = users.insert(value, name, email, passwords.encode(Passwords.temporary()), false, false);
        Role role = provider.managesRoles() ? Role.VIEWER : provider.newUserRole();
        users.grant(id, provider.organisation(), role);
        audit.system(
                provider.organisation(),
                id,
                name,
                "membership",
                id,
                "CREATE",
                null,
                new AuditedRole(value, role, provider.name()));
        return Optional.of(id);
    }

    private String nameOf(UserId user) {
        return users.account(user).map(Users.Account::displayName).orElse("?");
    }

    /** What the audit log keeps of a first sign-in's link. */
    record AuditedLink(String provider, String subject, String matchedBy) {}

    /** What the audit log keeps of a sign-in. */
    record AuditedSignIn(String provider) {}

    /** What the audit log keeps of a role set from the provider's groups. */
    record AuditedRole(String username, Role role, String provider) {}
}
