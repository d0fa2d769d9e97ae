package fi.hyte.report;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.IndicatorCatalog;
import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.report.domain.BlockKind;
import fi.hyte.report.domain.Composer;
import fi.hyte.report.domain.ReportContent;
import fi.hyte.report.domain.ReportContent.BlockContent;
import fi.hyte.report.domain.ReportKind;
import fi.hyte.report.domain.ReportWork;
import fi.hyte.report.domain.Reports;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Year over year (§ 2): against the previous approved report's frozen values, the next report's
 * "what changed" lists the indicator that moved beyond the threshold, the goal gone off track and a
 * value THL has revised since (both values), and an indicator block shows the previous value.
 */
@HyteSpringTest
class WhatChangedTests {

    static final Locale FI = Locale.forLanguageTag("fi");
    static final Locale EN = Locale.forLanguageTag("en");

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    ReportSteps steps;

    @Autowired
    ReportWork work;

    @Autowired
    Reports reports;

    @Autowired
    Composer composer;

    @Autowired
    Imports imports;

    @Autowired
    IndicatorCatalog indicators;

    @Autowired
    IndicatorSets sets;

    @Autowired
    UserAccounts users;

    Org org;
    Tenant coordinator;
    String code;
    int indicator;
    UUID goal;

    @BeforeEach
    void anApprovedReportWithAnIndicatorAndAGoalOnTrack() {
        code = "muutos" + Long.toString(System.nanoTime(), 36);
        org = fixtures.organisation(code, RegionKind.MUNICIPALITY, "245");
        coordinator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
        load("2023;40,0", "2024;45,5");
        indicator = indicators.findLocal(org.id(), code).orElseThrow().id();
        sets.put(org.id(), indicator, AgeGroup.YOUNG, Theme.HEALTH);
        goal = plans.goalInNewPlan(org, "Hyvinvointisuunnitelma", 2024, 2028, "Liikkuva kunta", "Nuoret liikkuvat");
        planEditing.saveGoalIndicator(
                org.tenant(),
                new GoalIndicator(
                        null,
                        goal,
                        indicator,
                        "total",
                        2023,
                        new BigDecimal("40.0"),
                        new BigDecimal("50.0"),
                        2028,
                        TargetDirection.INCREASE,
                        0),
                0);

        UUID first = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2024", 2024, 2024);
        UUID section = reports.sections(org.id(), first).get(1).id();
        work.addBlock(
                org.tenant(),
                first,
                section,
                new ReportWork.NewBlock(BlockKind.INDICATOR, indicator, null, null, null, false),
                i -> true);
        work.addBlock(
                org.tenant(),
                first,
                section,
                new ReportWork.NewBlock(BlockKind.GOAL_PROGRESS, null, null, goal, null, false),
                i -> true);
        steps.approve(org.tenant(), first, LocalDate.of(2026, 6, 10));
    }

    /** A new import batch of the organisation's own indicator for Kerava. */
    void load(String... yearValues) {
        StringBuilder file = new StringBuilder("tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo\n");
        boolean first = true;
        for (String yv : yearValues) {
            file.append(code)
                    .append(first ? ";Liikkuvat nuoret, %;%;" : ";;;")
                    .append("245;")
                    .append(yv.split(";")[0])
                    .append(";yhteensä;")
                    .append(yv.split(";")[1])
                    .append('\n');
            first = false;
        }
        assertThat(imports.importNow(coordinator, code + ".csv", file.toString().getBytes(StandardCharsets.UTF_8))
                        .problems())
                .isEmpty();
    }

    UUID next() {
        UUID next = steps.ready(org.tenant(), ReportKind.ANNUAL, "Vuosiraportti 2025", 2025, 2025);
        UUID section = reports.sections(org.id(), next).get(2).id();
        work.addBlock(
                org.tenant(),
                next,
                section,
                new ReportWork.NewBlock(BlockKind.WHAT_CHANGED, null, null, null, null, false),
                i -> true);
        work.addBlock(
                org.tenant(),
                next,
                section,
                new ReportWork.NewBlock(BlockKind.INDICATOR, indicator, null, null, null, true),
                i -> true);
        return next;
    }

    BlockContent block(UUID report, String kind, Locale locale) {
        ReportContent content = composer.compose(org.id(), work.find(org.tenant(), report), locale, ReportSteps.TODAY)
                .content();
        return content.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .filter(b -> b.kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theNextReportListsTheMovedIndicatorTheGoalGoneOffTrackAndTheRevisedValue() {
        // THL revises 2024 (45.5 → 38.0) and publishes 2025 (36.0): down by a fifth, and below the baseline.
        load("2023;40,0", "2024;38,0", "2025;36,0");
        UUID next = next();

        BlockContent changed = block(next, "WHAT_CHANGED", FI);
        assertThat(changed.hasData()).isTrue();
        assertThat(changed.lead()).contains("10 %", "Vuosiraportti 2024");
        assertThat(changed.items())
                .extracting(ReportContent.Item::text)
                .contains("THL on sittemmin tarkistanut vuoden 2024 arvon: kertomuksessa 45,5, nyt 38,0.")
                .anySatisfy(t -> assertThat(t.replace('\u00a0', ' ').replace('\u202f', ' '))
                        .isEqualTo("45,5 (2024) → 36,0 (2025), muutos −21 %"))
                .anySatisfy(t -> assertThat(t).startsWith("Tavoite ei ole enää aikataulussa:"));
        assertThat(changed.items())
                .filteredOn(i -> "revised".equals(i.markKind()))
                .singleElement()
                .satisfies(i -> assertThat(i.mark()).isEqualTo("Tarkistettu tieto"));

        BlockContent en = block(next, "WHAT_CHANGED", EN);
        assertThat(en.items())
                .extracting(ReportContent.Item::text)
                .contains("THL has since revised the value of 2024: 45.5 in the report, 38.0 now.");

        BlockContent shown = block(next, "INDICATOR", FI);
        assertThat(shown.notes())
                .contains(
                        "Edellisessä hyväksytyssä kertomuksessa: 45,5 (2024).",
                        "THL on sittemmin tarkistanut vuoden 2024 arvon: kertomuksessa 45,5, nyt 38,0.");
    }

    @Test
    void aSmallMoveBelowTheThresholdIsNotListed() {
        // 45.5 → 47.0 in 2025: 3 %, below the default 10 %; 2024 unchanged, the goal still on track.
        load("2023;40,0", "2024;45,5", "2025;47,0");
        UUID next = next();

        BlockContent changed = block(next, "WHAT_CHANGED", FI);
        assertThat(changed.items()).isEmpty();
        assertThat(changed.hasData())
                .as("nothing moved is a finding, not missing data")
                .isTrue();
        assertThat(block(next, "INDICATOR", FI).notes())
                .containsExactly("Edellisessä hyväksytyssä kertomuksessa: 45,5 (2024).");
    }

    @Test
    void aReportComposedInThreeLanguagesAtOnceIsTheSameAsComposedInEachAlone() {
        load("2023;40,0", "2024;38,0", "2025;36,0");
        UUID next = next();
        fi.hyte.report.domain.Report r = work.find(org.tenant(), next);
        java.util.List<Locale> languages = java.util.List.of(FI, Locale.forLanguageTag("sv"), EN);

        java.util.List<Composer.Composed> together = composer.composeAll(org.id(), r, languages, ReportSteps.TODAY);

        assertThat(together).hasSize(3);
        for (int i = 0; i < languages.size(); i++) {
            Composer.Composed alone = composer.compose(org.id(), r, languages.get(i), ReportSteps.TODAY);
            assertThat(together.get(i).content()).isEqualTo(alone.content());
            assertThat(together.get(i).data()).isEqualTo(alone.data());
        }
        assertThat(together.get(2).content().language()).isEqualTo("en");
    }

    @Test
    void aDraftComposedAgainAfterAnImportShowsTheNewValueAndMarksTheBlockChanged() {
        UUID next = next();
        BlockContent before = block(next, "INDICATOR", FI);
        assertThat(before.table().rows().toString()).doesNotContain("36,0");

        load("2023;40,0", "2024;45,5", "2025;36,0");

        BlockContent after = block(next, "INDICATOR", FI);
        assertThat(after.table().rows().toString()).contains("36,0");
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.source()).isNotEqualTo(before.source());
    }

    @Test
    void theCatalogsFiguresInSeveralLanguagesAreItsSeriesAndFigureOfEachAndItsSetListNeedsNoValues() {
        IndicatorCatalog.Figures both = indicators
                .figures(org.id(), indicator, java.util.Optional.empty(), java.util.List.of(FI, EN))
                .orElseThrow();

        assertThat(both.series())
                .isEqualTo(indicators
                        .series(org.id(), indicator, java.util.Optional.empty())
                        .orElseThrow());
        assertThat(both.byLanguage().get("fi"))
                .isEqualTo(indicators
                        .figure(org.id(), indicator, java.util.Optional.empty(), FI)
                        .orElseThrow());
        assertThat(both.byLanguage().get("en"))
                .isEqualTo(indicators
                        .figure(org.id(), indicator, java.util.Optional.empty(), EN)
                        .orElseThrow());
        assertThat(indicators.setIndicators(org.id()))
                .isEqualTo(indicators.setOverview(org.id()).items().stream()
                        .map(i -> i.series().indicator())
                        .toList());
    }
}
