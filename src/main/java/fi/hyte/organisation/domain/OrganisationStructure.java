package fi.hyte.organisation.domain;

import fi.hyte.platform.AuditLog;
import fi.hyte.platform.ConcurrentChangeException;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an organisation's leadership structure. Coordinators and administrators make them;
 * each change is audited in the same transaction, and a save based on an outdated version is
 * refused with {@link ConcurrentChangeException}.
 */
@Service
@Transactional
public class OrganisationStructure {

    private final Organisations organisations;
    private final Sectors sectors;
    private final People people;
    private final Bodies bodies;
    private final Responsibilities responsibilities;
    private final AuditLog audit;

    OrganisationStructure(
            Organisations organisations,
            Sectors sectors,
            People people,
            Bodies bodies,
            Responsibilities responsibilities,
            AuditLog audit) {
        this.organisations = organisations;
        this.sectors = sectors;
        this.people = people;
        this.bodies = bodies;
        this.responsibilities = responsibilities;
        this.audit = audit;
    }

    public void updateOrganisation(Tenant tenant, Organisation changed) {
        tenant.require(Role.ADMIN);
        OrganisationId id = tenant.organisation();
        Organisation before = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
        Organisation scoped = new Organisation(
                id, changed.type(), changed.name(), changed.regionKind(), changed.regionCode(), changed.version());
        checkSaved(organisations.update(scoped), "organisation");
        audit.updated(tenant, "organisation", id, before, organisations.find(id).orElseThrow());
    }

    /**
     * The organisation's data settings: after how many years an indicator value is old data. A save
     * that changes nothing writes nothing.
     */
    public void updateStaleAfterYears(Tenant tenant, int years, int version) {
        tenant.require(Role.COORDINATOR);
        OrganisationId id = tenant.organisation();
        int before = organisations.staleAfterYears(id).orElseThrow(() -> new NotFoundException("organisation"));
        Organisation current = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
        if (current.version() != version) {
            throw new ConcurrentChangeException("organisation");
        }
        if (before == years) {
            return;
        }
        checkSaved(organisations.updateStaleAfterYears(id, years, version), "organisation");
        audit.updated(
                tenant,
                "organisation",
                id,
                java.util.Map.of("staleAfterYears", before),
                java.util.Map.of("staleAfterYears", years));
    }

    public UUID saveSector(Tenant tenant, Sector sector) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (sector.id() == null) {
            Sector created = new Sector(UUID.randomUUID(), sector.name(), sector.position(), 0);
            sectors.insert(org, created);
            audit.created(tenant, "sector", created.id(), created);
            return created.id();
        }
        Sector before = existing(() -> sectors.find(org, sector.id()), "sector");
        checkSaved(sectors.update(org, sector), "sector");
        audit.updated(
                tenant,
                "sector",
                sector.id(),
                before,
                sectors.find(org, sector.id()).orElseThrow());
        return sector.id();
    }

    public void deleteSector(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Sector before = existing(() -> sectors.find(tenant.organisation(), id), "sector");
        checkSaved(sectors.delete(tenant.organisation(), id, version), "sector");
        audit.deleted(tenant, "sector", id, before);
    }

    public UUID savePerson(Tenant tenant, Person person) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (person.sectorId() != null) {
            existing(() -> sectors.find(org, person.sectorId()), "sector");
        }
        if (person.id() == null) {
            Person created = new Person(
                    UUID.randomUUID(),
                    person.name(),
                    person.title(),
                    person.sectorId(),
                    person.affiliation(),
                    person.affiliationName(),
                    person.email(),
                    person.phone(),
                    person.inManagementGroup(),
                    person.userId(),
                    0);
            people.insert(org, created);
            audit.created(tenant, "person", created.id(), created);
            return created.id();
        }
        Person before = existing(() -> people.find(org, person.id()), "person");
        checkSaved(people.update(org, person), "person");
        audit.updated(
                tenant,
                "person",
                person.id(),
                before,
                people.find(org, person.id()).orElseThrow());
        return person.id();
    }

    public void deletePerson(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Person before = existing(() -> people.find(tenant.organisation(), id), "person");
        checkSaved(people.delete(tenant.organisation(), id, version), "person");
        audit.deleted(tenant, "person", id, before);
    }

    public UUID saveBody(Tenant tenant, Body body) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (body.id() == null) {
            Body created = new Body(UUID.randomUUID(), body.type(), body.name(), 0);
            bodies.insert(org, created);
            audit.created(tenant, "body", created.id(), created);
            return created.id();
        }
        Body before = existing(() -> bodies.find(org, body.id()), "body");
        checkSaved(bodies.update(org, body), "body");
        audit.updated(
                tenant, "body", body.id(), before, bodies.find(org, body.id()).orElseThrow());
        return body.id();
    }

    public void deleteBody(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Body before = existing(() -> bodies.find(tenant.organisation(), id), "body");
        checkSaved(bodies.delete(tenant.organisation(), id, version), "body");
        audit.deleted(tenant, "body", id, before);
    }

    /** Seats a person in a body; returns empty if they already have a seat there. */
    public Optional<UUID> addMember(Tenant tenant, UUID body, UUID person, MemberRole role) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        existing(() -> bodies.find(org, body), "body");
        existing(() -> people.find(org, person), "person");
        if (bodies.isMember(org, body, person)) {
            return Optional.empty();
        }
        BodyMember member = new BodyMember(UUID.randomUUID(), body, person, role, 0);
        bodies.insertMember(org, member);
        audit.created(tenant, "bodyMember", member.id(), member);
        return Optional.of(member.id());
    }

    public void changeMemberRole(Tenant tenant, UUID memberId, MemberRole role, int version) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        BodyMember before = existing(() -> bodies.member(org, memberId), "bodyMember");
        checkSaved(
                bodies.updateMember(org, new BodyMember(memberId, before.bodyId(), before.personId(), role, version)),
                "bodyMember");
        audit.updated(
                tenant,
                "bodyMember",
                memberId,
                before,
                bodies.member(org, memberId).orElseThrow());
    }

    public void removeMember(Tenant tenant, UUID memberId) {
        tenant.require(Role.COORDINATOR);
        BodyMember before = existing(() -> bodies.member(tenant.organisation(), memberId), "bodyMember");
        bodies.deleteMember(tenant.organisation(), memberId);
        audit.deleted(tenant, "bodyMember", memberId, before);
    }

    public UUID saveResponsibility(Tenant tenant, Responsibility responsibility) {
        tenant.require(Role.COORDINATOR);
        OrganisationId org = tenant.organisation();
        if (responsibility.personId() != null) {
            existing(() -> people.find(org, responsibility.personId()), "person");
        }
        if (responsibility.bodyId() != null) {
            existing(() -> bodies.find(org, responsibility.bodyId()), "body");
        }
        if (responsibility.id() == null) {
            Responsibility created = new Responsibility(
                    UUID.randomUUID(),
                    responsibility.kind(),
                    responsibility.personId(),
                    responsibility.bodyId(),
                    responsibility.description(),
                    0);
            responsibilities.insert(org, created);
            audit.created(tenant, "responsibility", created.id(), created);
            return created.id();
        }
        Responsibility before = existing(() -> responsibilities.find(org, responsibility.id()), "responsibility");
        checkSaved(responsibilities.update(org, responsibility), "responsibility");
        audit.updated(
                tenant,
                "responsibility",
                responsibility.id(),
                before,
                responsibilities.find(org, responsibility.id()).orElseThrow());
        return responsibility.id();
    }

    public void deleteResponsibility(Tenant tenant, UUID id, int version) {
        tenant.require(Role.COORDINATOR);
        Responsibility before = existing(() -> responsibilities.find(tenant.organisation(), id), "responsibility");
        checkSaved(responsibilities.delete(tenant.organisation(), id, version), "responsibility");
        audit.deleted(tenant, "responsibility", id, before);
    }

    private static <T> T existing(Supplier<Optional<T>> lookup, String what) {
        return lookup.get().orElseThrow(() -> new NotFoundException(what));
    }

    /** The record was found a moment ago, so a save that changed nothing means the version moved on. */
    private static void checkSaved(int rows, String what) {
        if (rows == 0) {
            throw new ConcurrentChangeException(what);
        }
    }
}
