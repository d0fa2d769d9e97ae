package fi.hyte.platform.security;

import fi.hyte.platform.DemoContent;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationDirectory.OrganisationEntry;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In the demo, HYTE_DEMO_API_TOKEN becomes the demo administrator's API token "Demo" in the demo
 * municipality, so that automation can be tried with a known token. It runs after the organisations'
 * demo content, which creates the user; the platform finds the municipality among the user's
 * organisations without knowing the organisation module.
 */
@Component
class DemoApiToken implements DemoContent {

    static final String USERNAME = "admin";
    static final String NAME = "Demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoApiToken.class);

    private final ApiTokens tokens;
    private final Users users;
    private final OrganisationDirectory directory;
    private final String token;

    DemoApiToken(
            ApiTokens tokens,
            Users users,
            OrganisationDirectory directory,
            @Value("${hyte.demo.api-token:}") String token) {
        this.tokens = tokens;
        this.users = users;
        this.directory = directory;
        this.token = token == null ? "" : token.strip();
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public void seed() {
        if (token.isEmpty()) {
            return;
        }
        if (!ApiTokens.FORMAT.matcher(token).matches()) {
            throw new IllegalStateException("HYTE_DEMO_API_TOKEN must be \"hyte_\" followed by 43 characters of"
                    + " URL-safe Base64 (32 random bytes), e.g. hyte_$(head -c 32 /dev/urandom | basenc --base64url"
                    + " | tr -d =)");
        }
        Optional<UserId> admin = users.idOf(USERNAME);
        Optional<OrganisationId> organisation = admin.flatMap(this::municipalityOf);
        if (organisation.isEmpty()) {
            LOG.warn(
                    "HYTE_DEMO_API_TOKEN is set, but the demo user '{}' has no organisation; no token added", USERNAME);
            return;
        }
        if (tokens.ensure(admin.get(), organisation.get(), NAME, token)) {
            LOG.info("The demo user '{}' has the API token from HYTE_DEMO_API_TOKEN", USERNAME);
        }
    }

    /**
     * The user's first municipality (the demo administrator is also in the county, and an operator may
     * have linked them to more organisations later), else their first organisation.
     */
    private Optional<OrganisationId> municipalityOf(UserId user) {
        List<OrganisationId> organisations = users.organisationsOf(user);
        return organisations.stream()
                .map(directory::find)
                .flatMap(Optional::stream)
                .filter(entry -> entry.type().equals("MUNICIPALITY"))
                .map(OrganisationEntry::id)
                .findFirst()
                .or(() -> organisations.stream().findFirst());
    }
}
