package fi.hyte.organisation.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A system operator brings a new organisation into Hyte, with its first administrator. */
@Service
public class OrganisationSetup {

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final AuditLog audit;

    OrganisationSetup(Organisations organisations, UserAccounts accounts, AuditLog audit) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public OrganisationId create(
            OrganisationType type,
            LocalizedText name,
            RegionKind regionKind,
            String regionCode,
            UserId actor,
            String actorName) {
        Organisation organisation =
                new Organisation(new OrganisationId(UUID.randomUUID()), type, name, regionKind, regionCode, 0);
        organisations.insert(organisation);
        audit.system(
                organisation.id(), actor, actorName, "organisation", organisation.id(), "CREATE", null, organisation);
        return organisation.id();
    }

    /** Creates the organisation and its administrator together: both or neither. */
    @Transactional
    public OrganisationId createWithAdministrator(
            OrganisationType type,
            LocalizedText name,
            RegionKind regionKind,
            String regionCode,
            String adminUsername,
            String adminName,
            String adminEmail,
            String temporaryPassword,
            UserId actor,
            String actorName) {
        OrganisationId id = create(type, name, regionKind, regionCode, actor, actorName);
        accounts.create(id, Role.ADMIN, adminUsername, adminName, adminEmail, temporaryPassword);
        return id;
    }
}
