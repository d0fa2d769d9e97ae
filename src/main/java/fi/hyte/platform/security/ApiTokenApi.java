package fi.hyte.platform.security;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationDirectory.OrganisationEntry;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets automation check what its token acts as: which user, in which organisation, with which role. */
@RestController
class ApiTokenApi {

    private final OrganisationDirectory directory;

    ApiTokenApi(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/token")
    TokenIdentity token(Tenant tenant) {
        ApiCaller caller = ApiCaller.current().orElseThrow();
        LocalizedText name = directory
                .find(tenant.organisation())
                .map(OrganisationEntry::name)
                .orElse(null);
        return new TokenIdentity(
                caller.username(), new Organisation(tenant.organisation().value(), name), tenant.role());
    }

    /** The answer of GET /api/v1/token. */
    record TokenIdentity(String user, Organisation organisation, Role role) {}

    /** An organisation with its name in Finnish, Swedish and English. */
    record Organisation(UUID id, LocalizedText name) {}
}
