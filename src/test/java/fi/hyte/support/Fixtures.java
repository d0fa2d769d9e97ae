package fi.hyte.support;

import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.Body;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.OrganisationSetup;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.OrganisationType;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Sector;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds organisations, users and structure for tests through the application's own services. */
@Component
public class Fixtures {

    public static final String PASSWORD = "kiinteä-testisalasana";

    private final OrganisationSetup setup;
    private final OrganisationStructure structure;
    private final UserAccounts accounts;

    public Fixtures(OrganisationSetup setup, OrganisationStructure structure, UserAccounts accounts) {
        this.setup = setup;
        this.structure = structure;
        this.accounts = accounts;
    }

    /** A new municipality with a user of each role, named by the given prefix (which must be unique). */
    public Org organisation(String prefix) {
        return organisation(prefix, null, null);
    }

    /** As {@link #organisation(String)}, linked to an official region, e.g. MUNICIPALITY 092 (Vantaa). */
    public Org organisation(String prefix, RegionKind regionKind, String regionCode) {
        OrganisationId id = setup.create(
                OrganisationType.MUNICIPALITY,
                LocalizedText.of(prefix + " kunta", null),
                regionKind,
                regionCode,
                null,
                "test");
        for (Role role : Role.values()) {
            accounts.ensureDemoUser(
                    id, role, prefix + "-" + role.name().toLowerCase(), prefix + " " + role, PASSWORD, false);
        }
        return new Org(id, prefix, new Tenant(id, null, "test", Role.ADMIN));
    }

    public UUID sector(Org org, String name) {
        return structure.saveSector(org.tenant(), new Sector(null, LocalizedText.of(name, null), 0, 0));
    }

    public UUID person(Org org, String name, UUID sector) {
        return structure.savePerson(
                org.tenant(),
                new Person(null, name, null, sector, Affiliation.STAFF, null, null, null, false, null, 0));
    }

    /** A person of a sector whose Hyte account is the organisation's user of the given role. */
    public UUID person(Org org, String name, UUID sector, Role linkedUser) {
        UUID user = accounts.find(org.user(linkedUser)).orElseThrow().value();
        return structure.savePerson(
                org.tenant(),
                new Person(null, name, null, sector, Affiliation.STAFF, null, null, null, false, user, 0));
    }

    public UUID body(Org org, BodyType type, String name) {
        return structure.saveBody(org.tenant(), new Body(null, type, LocalizedText.of(name, null), 0));
    }

    /** A test organisation and its users: PREFIX-admin, PREFIX-coordinator, PREFIX-editor, PREFIX-viewer. */
    public record Org(OrganisationId id, String prefix, Tenant tenant) {

        public String user(Role role) {
            return prefix + "-" + role.name().toLowerCase();
        }
    }
}
