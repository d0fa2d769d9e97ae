package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.Alternative;
import fi.hyte.impact.domain.Assessment;
import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.CaseReading.Finding;
import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.Cell;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.FollowUp;
import fi.hyte.impact.domain.Hearing;
import fi.hyte.impact.domain.Need;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.HyteSpringTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** §11: the demo's six labelled example cases, as the issue lists them. */
@HyteSpringTest
class DemoCasesTests {

    static final OrganisationId TOWN = OrganisationCatalog.DEMO_MUNICIPALITY;

    @Autowired
    DecisionCases cases;

    @Autowired
    CaseReading reading;

    @Autowired
    Preparation preparation;

    @Autowired
    UserAccounts accounts;

    private Tenant tenant(OrganisationId org, String user) {
        return new Tenant(org, accounts.find(user).orElseThrow(), user, Role.COORDINATOR);
    }

    private DecisionCase named(OrganisationId org, String title) {
        return cases.of(org).stream()
                .filter(c -> title.equals(c.title().fi()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo case " + title));
    }

    @Test
    void theVillageSchoolHasTheFullAssessmentWithChildAndGenderPartsHearingsADecisionAndARunningFollowUp() {
        Tenant t = tenant(TOWN, "koordinaattori");
        DecisionCase school = named(TOWN, "Kaskelan kyläkoulun lakkauttaminen");
        assertThat(school.example()).isTrue();
        assertThat(school.status()).isEqualTo(CaseStatus.FOLLOW_UP);
        assertThat(school.need()).isEqualTo(Need.REQUIRED);
        assertThat(school.frozenAt()).isNotNull();
        assertThat(school.decision().decidedOn()).isNotNull();
        assertThat(school.decision().alternative()).isNotNull();
        assertThat(school.needs().childPartOpen()).isTrue();
        assertThat(school.needs().childPartEmpty()).isFalse();
        assertThat(school.needs().genderPartOpen()).isTrue();
        assertThat(school.needs().genderPartEmpty()).isFalse();
        assertThat(preparation.missingForFreeze(t, school)).isEmpty();
        assertThat(cases.frozen(TOWN, school.id())).hasSize(1);
        assertThat(cases.hearings(TOWN, school.id()))
                .extracting(Hearing::who)
                .contains(Hearing.Heard.CHILDREN, Hearing.Heard.YOUTH_COUNCIL);
        List<FollowUp> followUps = cases.followUps(TOWN, school.id());
        assertThat(followUps).isNotEmpty();
        assertThat(followUps).allSatisfy(f -> assertThat(f.indicatorId()).isNotNull());
        assertThat(followUps).anySatisfy(f -> assertThat(f.outcome()).isNull());
    }

    @Test
    void theSwimmingHallFeesConcernLowIncomeAndGender() {
        DecisionCase pool = named(TOWN, "Uimahallin maksujen korotus");
        assertThat(pool.example()).isTrue();
        assertThat(pool.screening().groups()).contains("lowIncome", "women", "men");
        assertThat(pool.needs().genderPartOpen()).isTrue();
        assertThat(pool.needs().genderPartEmpty()).isFalse();
        Assessment a = reading.of(tenant(TOWN, "koordinaattori"), pool.id());
        Alternative proposal = a.proposal().orElseThrow();
        assertThat(a.cells()).anySatisfy(c -> {
            assertThat(c.alternativeId()).isEqualTo(proposal.id());
            assertThat(c.rowKey()).isEqualTo("lowIncome");
            assertThat(c.direction()).isEqualTo(Cell.Direction.NEGATIVE);
        });
    }

    @Test
    void theLibraryBranchesAreInTheSchoolsAreaSoTheAccumulationFindingShows() {
        Tenant t = tenant(TOWN, "koordinaattori");
        DecisionCase school = named(TOWN, "Kaskelan kyläkoulun lakkauttaminen");
        DecisionCase library = named(TOWN, "Kirjaston sivupisteiden yhdistäminen");
        assertThat(library.example()).isTrue();
        assertThat(library.screening().areas())
                .containsAnyElementsOf(school.screening().areas());
        Assessment a = reading.of(t, library.id());
        assertThat(reading.crossCheck(t, a))
                .filteredOn(f -> f.kind() == Finding.Kind.ACCUMULATING)
                .anySatisfy(f -> {
                    assertThat(f.row()).startsWith("area:");
                    assertThat(f.cases()).contains(school.title().fi());
                });
    }

    @Test
    void fillingAPostIsExcludedAndTheGrantRuleIsSkippedWithAReason() {
        DecisionCase post = named(TOWN, "Sivistysjohtajan viran täyttäminen");
        assertThat(post.example()).isTrue();
        assertThat(post.screening().exclusion()).isEqualTo("post");
        assertThat(post.need()).isEqualTo(Need.NOT_REQUIRED);
        assertThat(post.status()).isEqualTo(CaseStatus.NOT_ASSESSED);

        DecisionCase grants = named(TOWN, "Järjestöavustusten sääntöjen muutos");
        assertThat(grants.example()).isTrue();
        assertThat(grants.need()).isEqualTo(Need.REQUIRED);
        assertThat(grants.status()).isEqualTo(CaseStatus.NOT_ASSESSED);
        assertThat(grants.notAssessedReason()).isNotBlank();
    }

    @Test
    void theCountyMergesTwoHealthStations() {
        DecisionCase stations = named(OrganisationCatalog.DEMO_COUNTY, "Kahden terveysaseman yhdistäminen");
        assertThat(stations.example()).isTrue();
        assertThat(stations.screening().yes()).contains("network");
        assertThat(stations.need()).isEqualTo(Need.REQUIRED);
        assertThat(cases.of(OrganisationCatalog.DEMO_COUNTY))
                .extracting(DecisionCase::example)
                .containsOnly(true);
    }
}
