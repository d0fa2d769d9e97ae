package fi.hyte.platform.identity;

import fi.hyte.platform.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The operator's form of a sign-in provider. The client secret is never shown back: left empty when
 * editing, the stored one stays.
 */
record ProviderForm(
        String organisation,

        @NotBlank(message = "{identity.name.required}") @Size(max = 100, message = "{identity.name.length}")
        String name,

        @NotBlank(message = "{identity.issuer.required}") @Size(max = 500, message = "{identity.issuer.invalid}")
        String issuer,

        @NotBlank(message = "{identity.clientId.required}") @Size(max = 300, message = "{identity.clientId.length}")
        String clientId,

        @Size(max = 1000, message = "{identity.clientSecret.length}")
        String clientSecret,

        @Pattern(regexp = "[A-Za-z0-9_:./-]{1,100}", message = "{identity.claim.invalid}")
        String usernameClaim,

        @Pattern(regexp = "[A-Za-z0-9_:./-]{1,100}", message = "{identity.claim.invalid}")
        String groupClaim,

        @Size(max = 5000, message = "{identity.groupRoles.invalid}")
        String groupRoles,

        Role newUserRole,
        Boolean enabled,
        int version) {

    boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    static ProviderForm empty() {
        return new ProviderForm(null, "", "", "", "", "email", "groups", "", null, true, 0);
    }

    static ProviderForm of(SignInProvider p) {
        return new ProviderForm(
                p.organisation().value().toString(),
                p.name(),
                p.issuer(),
                p.clientId(),
                "",
                p.usernameClaim(),
                p.groupClaim(),
                p.groupRoles(),
                p.newUserRole(),
                p.enabled(),
                p.version());
    }
}
