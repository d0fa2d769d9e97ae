package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.hyte.maturity.domain.Consensus;
import fi.hyte.maturity.domain.MaturityRound;
import fi.hyte.maturity.domain.RoundStatus;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import fi.hyte.report.domain.Block;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.Report;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.report.domain.Section;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * §11: a draft's composition is kept by the data revisions it was read under, and shown again only
 * while nothing it was composed from has changed. Each module's change shows at once: the plan, the
 * maturity round, the organisation's own data, the report's own text, and in a county's draft a
 * member's data. A transaction that writes composes afresh and keeps nothing.
 */
@HyteSpringTest
class KeptCompositionTests {

    static final Locale FI = Locale.forLanguageTag("fi");
    static final LocalDate TODAY = ReportSteps.TODAY;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Composer composer;

    @Autowired
    Rounds rounds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private String composed(Org org, UUID report) {
        return composer.compose(org.id(), work.find(org.tenant(), report), FI, TODAY)
                .content()
                .toString();
    }

    private void round(OrganisationId org, String title, int level) {
        UUID id = UUID.randomUUID();
        rounds.insert(
                org,
                new MaturityRound(
                        id, "promeq-2019", 1, title, TODAY.minusMonths(2), null, RoundStatus.CLOSED, false, 0));
        rounds.saveConsensus(org, id, new Consensus("strategy", level, "Sovittu", "testi", null, 0), -1);
    }

    @Test
    void aDraftIsKeptUntilThePlanTheMaturityRoundTheOrganisationOrItsOwnTextChanges() {
        Org org = fixtures.organisation("pidetty" + Long.toString(System.nanoTime(), 36));
        UUID goal = plans.goalInNewPlan(org, "Suunnitelma", 2025, 2028, "Linja", "Nuoret liikkuvat");
        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2026", 2026, 2026);
        UUID section = reports.sections(org.id(), id).get(1).id();
        work.addBlock(
                org.tenant(),
                id,
                section,
                new ReportWork.NewBlock(BlockKind.GOAL_PROGRESS, null, null, goal, null, false),
                i -> true);
        work.addBlock(
                org.tenant(),
                id,
                section,
                new ReportWork.NewBlock(BlockKind.MATURITY, null, null, null, null, false),
                i -> true);

        Report report = work.find(org.tenant(), id);
        Composer.Composed first = composer.compose(org.id(), report, FI, TODAY);
        assertThat(composer.compose(org.id(), report, FI, TODAY))
                .as("nothing changed: the kept composition")
                .isSameAs(first);
        assertThat(first.content().toString()).contains("Nuoret liikkuvat");

        // The plan, changed behind the plan module's back: the database raises the revision all the same.
        jdbc.sql("update goal set title_fi = 'Nuoret liikkuvat enemmän' where id = ?")
                .param(goal)
                .update();
        assertThat(composed(org, id)).contains("Nuoret liikkuvat enemmän");

        round(org.id(), "Kevään arvio", 3);
        assertThat(composed(org, id)).contains("Kevään arvio");

        jdbc.sql("update organisation set name_fi = 'Uusinimi' where id = ?")
                .param(org.id().value())
                .update();
        assertThat(composer.compose(org.id(), report, FI, TODAY).content().organisation())
                .isEqualTo("Uusinimi");

        Section s = reports.sections(org.id(), id).get(0);
        work.saveSection(
                org.tenant(),
                id,
                s.id(),
                new ReportWork.SectionText(
                        s.title(), LocalizedText.of("Uusi teksti johdantoon.", null), null, null, null),
                s.version());
        assertThat(composed(org, id)).contains("Uusi teksti johdantoon.");

        // The section page's blocks are kept the same way.
        List<Block> blocks = reports.blocks(org.id(), id).stream()
                .filter(b -> b.sectionId().equals(section))
                .toList();
        List<BlockContent> page = composer.blocks(org.id(), report, blocks, FI, TODAY);
        assertThat(composer.blocks(org.id(), report, blocks, FI, TODAY)).isSameAs(page);
        jdbc.sql("update goal set title_fi = 'Nuoret liikkuvat joka päivä' where id = ?")
                .param(goal)
                .update();
        assertThat(composer.blocks(org.id(), report, blocks, FI, TODAY).toString())
                .contains("Nuoret liikkuvat joka päivä");
    }

    @Test
    void aCountysDraftShowsAMembersNewRoundAtOnce() {
        String suffix = Long.toString(System.nanoTime(), 36);
        // Kajaani (205) and its county: no other test uses them.
        String code = jdbc.sql("select county_code from region where kind = 'MUNICIPALITY' and code = '205'")
                .query(String.class)
                .single();
        Org county = fixtures.organisation("kainuu" + suffix, RegionKind.WELLBEING_COUNTY, code);
        Org kajaani = fixtures.organisation("kajaani" + suffix, RegionKind.MUNICIPALITY, "205");
        UUID id = work.start(
                county.tenant(),
                new ReportWork.NewReport(
                        ReportKind.REGIONAL,
                        LocalizedText.of("Alueellinen kertomus", null),
                        2025,
                        2026,
                        null,
                        false,
                        false));
        assertThat(composed(county, id)).doesNotContain("Kajaanin arvio");

        round(kajaani.id(), "Kajaanin arvio", 4);

        assertThat(composed(county, id)).contains("Kajaanin arvio");
    }

    @Test
    void aTransactionThatWritesSeesItsOwnChangeAndKeepsNothingOfIt() {
        Org org = fixtures.organisation("kirjoittava" + Long.toString(System.nanoTime(), 36));
        UUID id = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2026", 2026, 2026);
        UUID section = reports.sections(org.id(), id).get(1).id();
        work.addBlock(
                org.tenant(),
                id,
                section,
                new ReportWork.NewBlock(BlockKind.MATURITY, null, null, null, null, false),
                i -> true);
        assertThat(composed(org, id)).doesNotContain("Peruttu arvio");

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                    round(org.id(), "Peruttu arvio", 2);
                    assertThat(composed(org, id)).contains("Peruttu arvio");
                    throw new IllegalStateException("perutaan");
                }))
                .hasMessage("perutaan");

        assertThat(composed(org, id)).doesNotContain("Peruttu arvio");
    }
}
