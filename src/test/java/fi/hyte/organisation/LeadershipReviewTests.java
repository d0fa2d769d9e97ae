package fi.hyte.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.demo.DemoLeadership;
import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.LeadershipOverview;
import fi.hyte.organisation.domain.LeadershipOverview.Check;
import fi.hyte.organisation.domain.LeadershipReview;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Person;
import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The leadership overview states each gap plainly, and stops stating it once it is mended. */
@HyteSpringTest
class LeadershipReviewTests {

    static final Locale FI = Locale.forLanguageTag("fi");

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    LeadershipReview review;

    @Test
    void emptyOrganisationHasEveryGap() {
        Org org = fixtures.organisation("tyhja" + System.nanoTime());
        LeadershipOverview overview = review.review(org.id(), FI);
        assertThat(checks(overview))
                .containsEntry("accountable", false)
                .containsEntry("group", false)
                .containsEntry("coordinator", false)
                .containsEntry("responsibilities", false)
                .containsEntry("influenceCouncils", false);
        assertThat(overview.checks()).allMatch(check -> !check.met());
        assertThat(detail(overview, "responsibilities"))
                .contains("Hyvinvointikertomuksen valmistelu")
                .contains("Vaikutusten ennakkoarvioinnin tuki");
    }

    @Test
    void sectorWithoutGroupMemberIsNamedUntilItGetsOne() {
        Org org = fixtures.organisation("sektori" + System.nanoTime());
        UUID education = fixtures.sector(org, "Sivistys");
        UUID technical = fixtures.sector(org, "Tekninen toimi");
        UUID group = fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
        UUID chair = fixtures.person(org, "Puheenjohtaja Pia", education);
        structure.addMember(org.tenant(), group, chair, MemberRole.CHAIR);

        LeadershipOverview before = review.review(org.id(), FI);
        assertThat(checks(before)).containsEntry("sectors", false).containsEntry("chair", true);
        assertThat(detail(before, "sectors")).isEqualTo("Tekninen toimi");
        assertThat(before.sectorsWithoutMember()).extracting(s -> s.name().fi()).containsExactly("Tekninen toimi");

        UUID engineer = fixtures.person(org, "Insinööri Ilkka", technical);
        structure.addMember(org.tenant(), group, engineer, MemberRole.MEMBER);
        assertThat(checks(review.review(org.id(), FI))).containsEntry("sectors", true);
    }

    @Test
    void managementLinkCountsMembersBesidesTheChairOnly() {
        Org org = fixtures.organisation("johto" + System.nanoTime());
        UUID group = fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
        UUID management = fixtures.body(org, BodyType.MANAGEMENT_GROUP, "Johtoryhmä");
        UUID chair = fixtures.person(org, "Johtaja Jaana", null);
        UUID member = fixtures.person(org, "Suunnittelija Sami", null);
        structure.addMember(org.tenant(), group, chair, MemberRole.CHAIR);
        structure.addMember(org.tenant(), group, member, MemberRole.MEMBER);
        structure.addMember(org.tenant(), management, chair, MemberRole.MEMBER);
        assertThat(checks(review.review(org.id(), FI))).containsEntry("managementLink", false);

        structure.addMember(org.tenant(), management, member, MemberRole.MEMBER);
        LeadershipOverview after = review.review(org.id(), FI);
        assertThat(checks(after)).containsEntry("managementLink", true);
        assertThat(after.seats()).allMatch(LeadershipOverview.GroupSeat::inManagementGroup);
    }

    @Test
    void municipalityGroupIsExpectedToHaveTheWellbeingCounty() {
        Org org = fixtures.organisation("hva" + System.nanoTime());
        UUID group = fixtures.body(org, BodyType.WELLBEING_GROUP, "Hyvinvointiryhmä");
        UUID parish = structure.savePerson(
                org.tenant(),
                new Person(
                        null, "Diakoni Dan", null, null, Affiliation.PARISH, "Seurakunta", null, null, false, null, 0));
        structure.addMember(org.tenant(), group, parish, MemberRole.MEMBER);
        assertThat(checks(review.review(org.id(), FI)))
                .containsEntry("outsidePartners", true)
                .containsEntry("countyMember", false);

        UUID county = structure.savePerson(
                org.tenant(),
                new Person(
                        null,
                        "Alueen Anu",
                        null,
                        null,
                        Affiliation.WELLBEING_COUNTY,
                        "HVA",
                        null,
                        null,
                        false,
                        null,
                        0));
        structure.addMember(org.tenant(), group, county, MemberRole.EXPERT);
        structure.saveResponsibility(
                org.tenant(),
                new Responsibility(
                        null, ResponsibilityKind.COORDINATOR, county, null, LocalizedText.of(null, null), 0));
        LeadershipOverview after = review.review(org.id(), FI);
        assertThat(checks(after)).containsEntry("countyMember", true).containsEntry("coordinator", true);
        assertThat(after.coordinators()).containsExactly("Alueen Anu");
    }

    @Test
    void demoMunicipalityShowsItsTwoDeliberateGaps() {
        LeadershipOverview demo = review.review(DemoLeadership.MUNICIPALITY, FI);
        assertThat(demo.checks().stream().filter(c -> !c.met()).map(Check::key))
                .containsExactlyInAnyOrder("sectors", "influenceCouncils");
        assertThat(detail(demo, "sectors")).isEqualTo("Kaupunkiympäristö");
        assertThat(detail(demo, "influenceCouncils")).isEqualTo("Vammaisneuvosto");
        assertThat(demo.seats()).hasSize(10);
    }

    private static Map<String, Boolean> checks(LeadershipOverview overview) {
        return overview.checks().stream().collect(Collectors.toMap(Check::key, Check::met));
    }

    private static String detail(LeadershipOverview overview, String key) {
        return overview.checks().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow()
                .detail();
    }
}
