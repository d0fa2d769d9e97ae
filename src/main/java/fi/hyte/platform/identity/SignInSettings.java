package fi.hyte.platform.identity;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The system operator's changes to sign-in providers and policies, each audited (never with the secret). */
@Service
class SignInSettings {

    private final SignInProviders providers;
    private final SecretBox secrets;
    private final AuditLog audit;

    SignInSettings(SignInProviders providers, SecretBox secrets, AuditLog audit) {
        this.providers = providers;
        this.secrets = secrets;
        this.audit = audit;
    }

    boolean canSealSecrets() {
        return secrets.available();
    }

    @Transactional
    UUID add(OrganisationId organisation, ProviderForm form, UserId operator, String operatorName) {
        SignInProvider provider = new SignInProvider(
                UUID.randomUUID(),
                organisation,
                form.name().strip(),
                form.issuer().strip(),
                form.clientId().strip(),
                secrets.seal(form.clientSecret()),
                form.usernameClaim(),
                form.groupClaim(),
                normalised(form.groupRoles()),
                form.newUserRole(),
                form.on(),
                0);
        providers.insert(provider);
        audit.system(
                organisation,
                operator,
                operatorName,
                "sign-in-provider",
                provider.id(),
                "CREATE",
                null,
                Audited.of(provider, true));
        return provider.id();
    }

    @Transactional
    void update(UUID id, ProviderForm form, UserId operator, String operatorName) {
        SignInProvider before = providers.find(id).orElseThrow(() -> new NotFoundException("sign-in provider"));
        boolean newSecret = form.clientSecret() != null && !form.clientSecret().isBlank();
        SignInProvider after = new SignInProvider(
                id,
                before.organisation(),
                form.name().strip(),
                form.issuer().strip(),
                form.clientId().strip(),
                newSecret ? secrets.seal(form.clientSecret()) : before.sealedSecret(),
                form.usernameClaim(),
                form.groupClaim(),
                normalised(form.groupRoles()),
                form.newUserRole(),
                form.on(),
                form.version());
        if (!providers.update(after)) {
            throw new ConcurrentChangeException("sign-in provider");
        }
        audit.system(
                before.organisation(),
                operator,
                operatorName,
                "sign-in-provider",
                id,
                "UPDATE",
                Audited.of(before, false),
                Audited.of(after, newSecret));
    }

    @Transactional
    void setFormLogin(OrganisationId organisation, boolean allowed, UserId operator, String operatorName) {
        boolean before = providers.formLoginAllowed(organisation);
        providers.setFormLogin(organisation, allowed);
        audit.system(
                organisation,
                operator,
                operatorName,
                "sign-in-policy",
                organisation.value(),
                "UPDATE",
                new AuditedPolicy(before),
                new AuditedPolicy(allowed));
    }

    private static String normalised(String groupRoles) {
        return SignInProvider.parseMapping(groupRoles).orElseThrow().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** What the audit log keeps of a provider: everything but the secret, and whether the secret was set. */
    record Audited(
            String name,
            String issuer,
            String clientId,
            boolean secretChanged,
            String usernameClaim,
            String groupClaim,
            String groupRoles,
            Role newUserRole,
            boolean enabled) {

        static Audited of(SignInProvider p, boolean secretChanged) {
            return new Audited(
                    p.name(),
                    p.issuer(),
                    p.clientId(),
                    secretChanged,
                    p.usernameClaim(),
                    p.groupClaim(),
                    p.groupRoles(),
                    p.newUserRole(),
                    p.enabled());
        }
    }

    /** What the audit log keeps of an organisation's sign-in policy. */
    record AuditedPolicy(boolean passwordSignIn) {}
}
