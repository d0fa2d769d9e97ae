package fi.hyte.organisation;

import fi.hyte.organisation.demo.DemoLeadership;
import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.Bodies;
import fi.hyte.organisation.domain.LeadershipOverview;
import fi.hyte.organisation.domain.LeadershipReview;
import fi.hyte.organisation.domain.Organisation;
import fi.hyte.organisation.domain.Organisations;
import fi.hyte.organisation.domain.People;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.Region;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.organisation.domain.Regions;
import fi.hyte.organisation.domain.Sectors;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read of organisations: names, types, official regions and sectors. */
@Service
@Transactional(readOnly = true)
public class OrganisationCatalog implements OrganisationDirectory {

    /** The demo municipality (Kerava, demo), for other modules' demo content. */
    public static final OrganisationId DEMO_MUNICIPALITY = DemoLeadership.MUNICIPALITY;

    /** The demo wellbeing services county (Vantaa and Kerava, demo). */
    public static final OrganisationId DEMO_COUNTY = DemoLeadership.COUNTY;

    private final Organisations organisations;
    private final Sectors sectors;
    private final LeadershipReview leadership;
    private final Regions regions;
    private final People people;
    private final Bodies bodies;
    private final java.time.ZoneId zone;

    OrganisationCatalog(
            Organisations organisations,
            Sectors sectors,
            LeadershipReview leadership,
            Regions regions,
            People people,
            Bodies bodies,
            @org.springframework.beans.factory.annotation.Value("${hyte.time-zone}") String zone) {
        this.zone = java.time.ZoneId.of(zone);
        this.people = people;
        this.bodies = bodies;
        this.organisations = organisations;
        this.sectors = sectors;
        this.leadership = leadership;
        this.regions = regions;
    }

    /**
     * The wellbeing services county an organisation belongs to: its own code for a county, its
     * municipality's county for a municipality; empty for other organisations.
     */
    public Optional<String> countyOf(OrganisationId id) {
        return organisations.find(id).flatMap(o -> {
            if (o.regionKind() == RegionKind.WELLBEING_COUNTY) {
                return Optional.of(o.regionCode());
            }
            if (o.regionKind() == RegionKind.MUNICIPALITY) {
                return regions.find(RegionKind.MUNICIPALITY, o.regionCode()).map(Region::countyCode);
            }
            return Optional.empty();
        });
    }

    /** The organisations of a wellbeing services county: the county itself and its municipalities. */
    public List<OrganisationEntry> inCounty(String countyCode) {
        return organisations.all().stream()
                .filter(o -> countyCode.equals(countyOf(o.id()).orElse(null)))
                .map(o -> new OrganisationEntry(o.id(), o.name(), o.type().name()))
                .toList();
    }

    /** Who takes part in the wellbeing group: evidence for the maturity self-assessment. */
    public GroupComposition groupComposition(OrganisationId id) {
        LeadershipOverview overview = leadership.review(id, Locale.forLanguageTag("fi"));
        int sectorCount = sectors.of(id).size();
        Set<String> outside = overview.seats().stream()
                .map(LeadershipOverview.GroupSeat::affiliation)
                .filter(a -> a != Affiliation.STAFF && a != Affiliation.ELECTED)
                .map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        return new GroupComposition(
                overview.group() != null,
                overview.seats().size(),
                sectorCount,
                sectorCount - overview.sectorsWithoutMember().size(),
                outside);
    }

    /**
     * How old the organisation counts indicator data this year: its own threshold for old data (3
     * years unless it chose another).
     */
    public DataFreshness freshness(OrganisationId id) {
        return new DataFreshness(
                java.time.LocalDate.now(zone).getYear(),
                organisations.staleAfterYears(id).orElse(DataFreshness.DEFAULT_STALE_AFTER_YEARS));
    }

    /** The members of the organisation's wellbeing group, in the group's order; empty without a group. */
    public List<PersonSummary> groupMembers(OrganisationId id) {
        Map<UUID, PersonSummary> everyone =
                people(id).stream().collect(Collectors.toMap(PersonSummary::id, p -> p, (a, b) -> a));
        return bodies.firstOfType(id, fi.hyte.organisation.domain.BodyType.WELLBEING_GROUP)
                .map(group -> bodies.membersOf(id, group.id()).stream()
                        .map(m -> everyone.get(m.personId()))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    /** The official region an organisation stands for, with Sotkanet's id for it. */
    public Optional<OfficialRegion> officialRegion(OrganisationId id) {
        return regions.officialOf(id.value())
                .map(o -> new OfficialRegion(
                        o.region().kind().name(),
                        o.region().code(),
                        o.region().name(),
                        o.region().sotkanetId(),
                        o.region().kind() == RegionKind.MUNICIPALITY ? o.municipalityGroup() : null));
    }

    /** Municipalities of one Statistics Finland municipality group (urban, semi-urban, rural). */
    public List<OfficialRegion> municipalitiesInGroup(String group) {
        return regions.municipalitiesInGroup(group).stream()
                .map(r -> new OfficialRegion(r.kind().name(), r.code(), r.name(), r.sotkanetId(), group))
                .toList();
    }

    public Optional<OrganisationSummary> summary(OrganisationId id) {
        return organisations.find(id).map(OrganisationCatalog::summarise);
    }

    public List<SectorSummary> sectors(OrganisationId id) {
        return sectors.of(id).stream()
                .map(s -> new SectorSummary(s.id(), s.name()))
                .toList();
    }

    /** The organisation's people (staff, elected officials and partners), by name. */
    public List<PersonSummary> people(OrganisationId id) {
        return people.of(id).stream().map(OrganisationCatalog::summarise).toList();
    }

    /** The person a user account is linked to in this organisation, if any. */
    public Optional<PersonSummary> personOf(OrganisationId id, UserId user) {
        return people.of(id).stream()
                .filter(p -> user.value().equals(p.userId()))
                .findFirst()
                .map(OrganisationCatalog::summarise);
    }

    /** The organisation's bodies: council, boards, management group, wellbeing group… */
    public List<BodySummary> bodies(OrganisationId id) {
        return bodies.of(id).stream()
                .map(b -> new BodySummary(b.id(), b.name()))
                .toList();
    }

    /**
     * The bodies that give residents' groups a voice (youth, older people's and disability councils),
     * each with its type and the user accounts of its secretaries.
     */
    public List<CouncilSummary> councils(OrganisationId id) {
        Map<UUID, UUID> users = people.of(id).stream()
                .filter(p -> p.userId() != null)
                .collect(Collectors.toMap(Person::id, Person::userId));
        var members = bodies.members(id);
        return bodies.of(id).stream()
                .filter(b -> Set.of("YOUTH_COUNCIL", "OLDER_PEOPLE_COUNCIL", "DISABILITY_COUNCIL")
                        .contains(b.type().name()))
                .map(b -> new CouncilSummary(
                        b.id(),
                        b.name(),
                        b.type().name(),
                        members.stream()
                                .filter(m -> m.bodyId().equals(b.id())
                                        && m.role() == fi.hyte.organisation.domain.MemberRole.SECRETARY
                                        && users.containsKey(m.personId()))
                                .map(m -> users.get(m.personId()))
                                .toList()))
                .toList();
    }

    @Override
    public Map<OrganisationId, LocalizedText> namesOf(Collection<OrganisationId> ids) {
        return organisations.byIds(ids).stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    }

    @Override
    public List<OrganisationEntry> all() {
        return organisations.all().stream()
                .map(o -> new OrganisationEntry(o.id(), o.name(), o.type().name()))
                .toList();
    }

    @Override
    public Optional<OrganisationEntry> find(OrganisationId id) {
        return organisations
                .find(id)
                .map(o -> new OrganisationEntry(o.id(), o.name(), o.type().name()));
    }

    private static PersonSummary summarise(Person p) {
        return new PersonSummary(p.id(), p.name(), p.title(), p.sectorId(), p.userId());
    }

    private static OrganisationSummary summarise(Organisation o) {
        return new OrganisationSummary(
                o.id(),
                o.type().name(),
                o.name(),
                o.regionKind() == null ? null : o.regionKind().name(),
                o.regionCode());
    }

    /** An organisation as other modules see it; the region is its official one (e.g. MUNICIPALITY 245). */
    public record OrganisationSummary(
            OrganisationId id, String type, LocalizedText name, String regionKind, String regionCode) {}

    /**
     * The wellbeing group's reach: whether it exists, its size, how many of the organisation's
     * sectors have a member in it, and which kinds of outside parties (e.g. PARISH, NGO) take part.
     */
    public record GroupComposition(
            boolean exists, int members, int sectors, int sectorsRepresented, Set<String> outsidePartyKinds) {}

    /** An official region: kind (MUNICIPALITY, WELLBEING_COUNTY, REGION), code, name, Sotkanet id. */
    public record OfficialRegion(
            String kind, String code, LocalizedText name, Integer sotkanetId, String municipalityGroup) {}

    /** A person as other modules see them; the user is the linked Hyte account, if any. */
    public record PersonSummary(UUID id, String name, String title, UUID sectorId, UUID userId) {}

    /** A body (toimielin) as other modules see it. */
    public record BodySummary(UUID id, LocalizedText name) {}

    /** An influence council: YOUTH_COUNCIL, OLDER_PEOPLE_COUNCIL or DISABILITY_COUNCIL, with its secretaries' accounts. */
    public record CouncilSummary(UUID id, LocalizedText name, String type, List<UUID> secretaryUsers) {}

    /** A sector as other modules see it. */
    public record SectorSummary(UUID id, LocalizedText name) {}
}
