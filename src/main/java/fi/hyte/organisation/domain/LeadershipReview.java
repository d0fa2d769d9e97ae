package fi.hyte.organisation.domain;

import fi.hyte.organisation.domain.LeadershipOverview.Check;
import fi.hyte.organisation.domain.LeadershipOverview.GroupSeat;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the leadership structure and states what is in place and what is missing. */
@Service
@Transactional(readOnly = true)
public class LeadershipReview {

    /** Responsibilities that THL's guidance expects every organisation to name. */
    static final List<ResponsibilityKind> EXPECTED = List.of(
            ResponsibilityKind.REPORT_PREPARATION,
            ResponsibilityKind.MONITORING,
            ResponsibilityKind.IMPACT_ASSESSMENT_SUPPORT);

    /** Influence councils required of municipalities (Kuntalaki 26–28 §) and counties alike. */
    static final List<BodyType> INFLUENCE_COUNCILS =
            List.of(BodyType.YOUTH_COUNCIL, BodyType.OLDER_PEOPLE_COUNCIL, BodyType.DISABILITY_COUNCIL);

    private final Organisations organisations;
    private final Sectors sectors;
    private final People people;
    private final Bodies bodies;
    private final Responsibilities responsibilities;
    private final MessageSource messages;

    LeadershipReview(
            Organisations organisations,
            Sectors sectors,
            People people,
            Bodies bodies,
            Responsibilities responsibilities,
            MessageSource messages) {
        this.organisations = organisations;
        this.sectors = sectors;
        this.people = people;
        this.bodies = bodies;
        this.responsibilities = responsibilities;
        this.messages = messages;
    }

    public LeadershipOverview review(OrganisationId id, Locale locale) {
        Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
        List<Sector> allSectors = sectors.of(id);
        Map<UUID, Person> persons = people.of(id).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<Body> allBodies = bodies.of(id);
        Map<UUID, Body> bodiesById = allBodies.stream().collect(Collectors.toMap(Body::id, Function.identity()));
        List<BodyMember> memberships = bodies.members(id);
        List<Responsibility> named = responsibilities.of(id);

        Set<UUID> inManagementGroupBody = memberships.stream()
                .filter(m -> bodiesById.get(m.bodyId()).type() == BodyType.MANAGEMENT_GROUP)
                .map(BodyMember::personId)
                .collect(Collectors.toSet());

        Body group = allBodies.stream()
                .filter(b -> b.type() == BodyType.WELLBEING_GROUP)
                .findFirst()
                .orElse(null);
        Map<UUID, Sector> sectorsById = allSectors.stream().collect(Collectors.toMap(Sector::id, Function.identity()));
        List<GroupSeat> seats = group == null
                ? List.of()
                : bodies.membersOf(id, group.id()).stream()
                        .map(m -> {
                            Person p = persons.get(m.personId());
                            return new GroupSeat(
                                    m.id(),
                                    p.id(),
                                    p.name(),
                                    p.title(),
                                    m.role(),
                                    p.sectorId() == null ? null : sectorsById.get(p.sectorId()),
                                    p.affiliation(),
                                    p.affiliationName(),
                                    p.inManagementGroup() || inManagementGroupBody.contains(p.id()));
                        })
                        .toList();

        Set<UUID> coveredSectors = seats.stream()
                .map(GroupSeat::sector)
                .filter(Objects::nonNull)
                .map(Sector::id)
                .collect(Collectors.toSet());
        List<Sector> uncovered = allSectors.stream()
                .filter(s -> !coveredSectors.contains(s.id()))
                .toList();

        Map<ResponsibilityKind, List<String>> holders = new EnumMap<>(ResponsibilityKind.class);
        for (Responsibility r : named) {
            String holder = holderName(r, persons, bodiesById, locale);
            if (holder != null) {
                holders.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(holder);
            }
        }

        List<Check> checks = new ArrayList<>();
        checks.add(new Check("accountable", holders.containsKey(ResponsibilityKind.ACCOUNTABLE_MANAGEMENT), null));
        checks.add(new Check("group", group != null, null));
        if (group != null) {
            checks.add(new Check("chair", seats.stream().anyMatch(s -> s.role() == MemberRole.CHAIR), null));
            checks.add(new Check("secretary", seats.stream().anyMatch(s -> s.role() == MemberRole.SECRETARY), null));
            checks.add(new Check(
                    "sectors",
                    !allSectors.isEmpty() && uncovered.isEmpty(),
                    uncovered.stream().map(s -> s.name().in(locale)).collect(Collectors.joining(", "))));
            checks.add(new Check(
                    "managementLink",
                    seats.stream().anyMatch(s -> s.role() != MemberRole.CHAIR && s.inManagementGroup()),
                    null));
            checks.add(new Check("outsidePartners", seats.stream().anyMatch(s -> isOutside(s.affiliation())), null));
            if (organisation.type() == OrganisationType.MUNICIPALITY) {
                checks.add(new Check(
                        "countyMember",
                        seats.stream().anyMatch(s -> s.affiliation() == Affiliation.WELLBEING_COUNTY),
                        null));
            }
        }
        checks.add(new Check("coordinator", holders.containsKey(ResponsibilityKind.COORDINATOR), null));
        List<String> missing = EXPECTED.stream()
                .filter(kind -> !holders.containsKey(kind))
                .map(kind -> messages.getMessage("responsibility.kind." + kind, null, locale))
                .toList();
        checks.add(new Check("responsibilities", missing.isEmpty(), String.join(", ", missing)));
        List<String> missingCouncils = INFLUENCE_COUNCILS.stream()
                .filter(type -> allBodies.stream().noneMatch(b -> b.type() == type))
                .map(type -> messages.getMessage("body.type." + type, null, locale))
                .toList();
        checks.add(new Check("influenceCouncils", missingCouncils.isEmpty(), String.join(", ", missingCouncils)));

        return new LeadershipOverview(
                holders.getOrDefault(ResponsibilityKind.ACCOUNTABLE_MANAGEMENT, List.of()),
                holders.getOrDefault(ResponsibilityKind.COORDINATOR, List.of()),
                group,
                seats,
                uncovered,
                holders,
                checks);
    }

    static boolean isOutside(Affiliation affiliation) {
        return affiliation != Affiliation.STAFF && affiliation != Affiliation.ELECTED;
    }

    private static String holderName(
            Responsibility r, Map<UUID, Person> persons, Map<UUID, Body> bodies, Locale locale) {
        if (r.personId() != null && persons.containsKey(r.personId())) {
            Person p = persons.get(r.personId());
            return p.title() == null ? p.name() : p.name() + " (" + p.title() + ")";
        }
        if (r.bodyId() != null && bodies.containsKey(r.bodyId())) {
            return bodies.get(r.bodyId()).name().in(locale);
        }
        return null;
    }
}
