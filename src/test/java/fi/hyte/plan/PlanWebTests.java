package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Finding;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.PlanSnapshot;
import fi.hyte.plan.domain.PolicyLine;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.plan.domain.TargetGroup;
import fi.hyte.plan.domain.TargetStatus;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wellbeing plan over HTTP: the tree and its in-place nodes, editing by role, concurrent saves,
 * history, progress against real indicator values, gaps, reminders, the sector view and "my
 * responsibilities". The plan's period (2021–2024) is in the past, so its evaluations are overdue on
 * any day the tests run.
 */
@HyteSpringTest
class PlanWebTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanReading reading;

    @Autowired
    JdbcClient jdbc;

    Org org;
    UUID education;
    UUID leisure;
    UUID ella;
    UUID ville;
    Plan plan;
    PolicyLine line;
    UUID goal;
    UUID emptyGoal;
    UUID ownMeasure;
    UUID otherMeasure;

    @BeforeEach
    void plan() {
        org = fixtures.organisation(
                "suunnitelma" + Long.toString(System.nanoTime(), 36), RegionKind.MUNICIPALITY, "245");
        education = fixtures.sector(org, "Kasvatus ja oppiminen");
        leisure = fixtures.sector(org, "Vapaa-aika");
        ella = fixtures.person(org, "Ella Esimerkki", education, Role.EDITOR);
        ville = fixtures.person(org, "Ville Vapaa", leisure);
        plan = editing.createPlan(
                org.tenant(),
                new Plan(
                        null,
                        LocalizedText.of("Hyvinvointisuunnitelma 2021–2024", null),
                        2021,
                        2024,
                        "Strategia",
                        null,
                        false,
                        0));
        UUID lineId = editing.saveLine(
                org.tenant(),
                new PolicyLine(
                        null,
                        plan.id(),
                        0,
                        0,
                        LocalizedText.of("Lapset ja nuoret voivat hyvin", null),
                        LocalizedText.of(null, null),
                        "Strategian päämäärä 1",
                        0));
        line = reading.line(org.id(), lineId).orElseThrow();
        UUID physical = reading.dimensions(org.id()).get(0).id();
        goal = editing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        lineId,
                        0,
                        0,
                        LocalizedText.of("Nuoret liikkuvat enemmän", null),
                        LocalizedText.of("Liikkumattomuus vähenee.", null),
                        List.of(physical),
                        List.of(TargetGroup.YOUNG),
                        "Tyttöjen ja poikien ero",
                        ella,
                        null,
                        0,
                        null,
                        null));
        emptyGoal = editing.saveGoal(
                org.tenant(),
                new Goal(
                        null,
                        null,
                        lineId,
                        0,
                        0,
                        LocalizedText.of("Yksinäisyys vähenee", null),
                        LocalizedText.of(null, null),
                        List.of(),
                        List.of(TargetGroup.OLDER),
                        null,
                        null,
                        null,
                        0,
                        null,
                        null));
        ownMeasure = editing.saveMeasure(
                org.tenant(),
                measure(
                        goal,
                        "Liikkuva koulu -toiminta",
                        education,
                        ella,
                        new BigDecimal("12000"),
                        null,
                        MeasureStatus.ONGOING));
        otherMeasure = editing.saveMeasure(
                org.tenant(),
                measure(
                        goal,
                        "Matalan kynnyksen harrastukset",
                        leisure,
                        null,
                        null,
                        LocalDate.of(2022, 6, 30),
                        MeasureStatus.ONGOING));
    }

    private Measure measure(
            UUID goalId,
            String title,
            UUID sector,
            UUID owner,
            BigDecimal euros,
            LocalDate ends,
            MeasureStatus status) {
        return new Measure(
                null,
                null,
                goalId,
                0,
                0,
                LocalizedText.of(title, null),
                LocalizedText.of(null, null),
                sector,
                owner,
                List.of(),
                null,
                LocalDate.of(2021, 8, 1),
                ends,
                null,
                euros,
                null,
                null,
                null,
                euros == null ? null : "TA 2022, Kasvatus ja oppiminen",
                false,
                status,
                40,
                0,
                null,
                null);
    }

    private WebSession as(Role role) {
        return WebSession.signedIn(port, org.user(role), Fixtures.PASSWORD);
    }

    private Measure measure(UUID id) {
        return reading.measure(org.id(), id).orElseThrow();
    }

    @Test
    void planOpensAsATreeAndFiltersInPlace() {
        WebSession viewer = as(Role.VIEWER);
        Response current = viewer.get("/plan");
        assertThat(current.status()).isEqualTo(302);
        assertThat(current.location()).endsWith("/plan/" + plan.id());

        Response page = viewer.get("/plan/" + plan.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html")
                .contains("Lapset ja nuoret voivat hyvin")
                .contains("Nuoret liikkuvat enemmän")
                .contains("Liikkuva koulu -toiminta")
                .contains("Matalan kynnyksen harrastukset")
                .contains("hx-get=\"/plan/goals/" + goal + "\"");

        Response filtered = viewer.getHtmx("/plan/" + plan.id() + "?sector=" + leisure);
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body())
                .doesNotContain("<html")
                .contains("id=\"tree\"")
                .contains("Matalan kynnyksen harrastukset")
                .doesNotContain("Liikkuva koulu -toiminta")
                .doesNotContain("Yksinäisyys vähenee");

        Response byGroup = viewer.getHtmx("/plan/" + plan.id() + "?group=OLDER&sector=&status=");
        assertThat(byGroup.body()).contains("Yksinäisyys vähenee").doesNotContain("Nuoret liikkuvat enemmän");
    }

    @Test
    void goalAndMeasureOpenInPlaceFromTheSameUrlAsTheirPages() {
        WebSession viewer = as(Role.VIEWER);
        Response fragment = viewer.getHtmx("/plan/goals/" + goal);
        assertThat(fragment.body())
                .doesNotContain("<html")
                .contains("Liikkumattomuus vähenee.")
                .contains("Ella Esimerkki")
                .contains("Tyttöjen ja poikien ero");
        Response page = viewer.get("/plan/goals/" + goal);
        assertThat(page.body())
                .contains("<html")
                .contains("Liikkumattomuus vähenee.")
                .contains("Liikkuva koulu -toiminta");

        Response measure = viewer.getHtmx("/plan/measures/" + ownMeasure);
        assertThat(measure.body())
                .doesNotContain("<html")
                .contains("12\u00a0000")
                .contains("TA 2022, Kasvatus ja oppiminen");
    }

    @Test
    void coordinatorBuildsThePlanThroughItsForms() {
        WebSession coordinator = as(Role.COORDINATOR);
        Response newLine = coordinator.post(
                "/plan/" + plan.id() + "/lines/new",
                Map.of(
                        "titleFi",
                        "Työikäiset ovat osallisia",
                        "titleSv",
                        "",
                        "descriptionFi",
                        "",
                        "descriptionSv",
                        "",
                        "strategyRef",
                        "",
                        "position",
                        "0",
                        "version",
                        "0"));
        assertThat(newLine.status()).isEqualTo(302);
        PolicyLine added = reading.snapshot(org.id(), plan.id()).lines().stream()
                .filter(l -> l.title().fi().equals("Työikäiset ovat osallisia"))
                .findFirst()
                .orElseThrow();

        Map<String, String> goalForm = new HashMap<>(Map.of(
                "lineId",
                added.id().toString(),
                "titleFi",
                "Työllisyys paranee",
                "titleSv",
                "",
                "descriptionFi",
                "",
                "descriptionSv",
                "",
                "inequalityFocus",
                "",
                "ownerPersonId",
                ville.toString(),
                "ownerBodyId",
                "",
                "position",
                "0"));
        goalForm.put("version", "0");
        goalForm.put("targetGroups", "UNEMPLOYED");
        Response newGoal = coordinator.post("/plan/lines/" + added.id() + "/goals/new", goalForm);
        assertThat(newGoal.status()).isEqualTo(302);
        UUID goalId =
                UUID.fromString(newGoal.location().substring(newGoal.location().lastIndexOf('/') + 1));
        assertThat(reading.goal(org.id(), goalId).orElseThrow().targetGroups()).containsExactly(TargetGroup.UNEMPLOYED);

        Map<String, String> measureForm = measureForm(goalId, "Työkokeilut kaupungin yksiköissä", leisure, "PLANNED");
        measureForm.put("euros", "25 000,50");
        measureForm.put("workYears", "0,5");
        Response newMeasure = coordinator.post("/plan/goals/" + goalId + "/measures/new", measureForm);
        assertThat(newMeasure.status()).isEqualTo(302);
        Measure saved = reading.snapshot(org.id(), plan.id()).measuresOf(goalId).get(0);
        assertThat(saved.euros()).isEqualByComparingTo("25000.50");
        assertThat(saved.workYears()).isEqualByComparingTo("0.5");
        assertThat(saved.ref()).isGreaterThan(0);
    }

    @Test
    void measureDatesAreTypedTheFinnishWayAndShownSoAndGoalsAreListedByNumber() {
        WebSession coordinator = as(Role.COORDINATOR);
        Map<String, String> form = measureForm(goal, "Päivämäärät suomeksi", education, "PLANNED");
        form.put("startsOn", "1.3.2025");
        form.put("endsOn", "2025-12-31");
        assertThat(coordinator
                        .post("/plan/goals/" + goal + "/measures/new", form)
                        .status())
                .isEqualTo(302);
        Measure saved = reading.snapshot(org.id(), plan.id()).measuresOf(goal).stream()
                .filter(m -> m.title().fi().equals("Päivämäärät suomeksi"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.startsOn()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(saved.endsOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        String edit = coordinator.get("/plan/measures/" + saved.id() + "/edit").body();
        assertThat(edit)
                .contains("value=\"1.3.2025\"")
                .contains("value=\"31.12.2025\"")
                .contains("Muodossa pp.kk.vvvv");
        // The goal choice lists goals by their numbers.
        java.util.regex.Matcher refs =
                java.util.regex.Pattern.compile(">T-(\\d+) ").matcher(edit);
        List<Integer> order = new java.util.ArrayList<>();
        while (refs.find()) {
            order.add(Integer.parseInt(refs.group(1)));
        }
        assertThat(order).isSorted().isNotEmpty();
        form.put("startsOn", "31.2.2025");
        Response refused = coordinator.post("/plan/goals/" + goal + "/measures/new", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Päivämäärää ei voi lukea");
    }

    @Test
    void unreadableAmountsAndDatesAreRefusedWithAMessageAndNothingIsSaved() {
        WebSession coordinator = as(Role.COORDINATOR);
        int before = reading.snapshot(org.id(), plan.id()).measures().size();
        Map<String, String> form = measureForm(goal, "Virheellinen", education, "PLANNED");
        form.put("euros", "paljon");
        form.put("startsOn", "2023-05-01");
        form.put("endsOn", "2022-05-01");
        form.put("progress", "140");
        Response response = coordinator.post("/plan/goals/" + goal + "/measures/new", form);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Anna luku, esimerkiksi 12,5.")
                .contains("Päättymispäivä ei voi olla ennen alkamispäivää.")
                .contains("Anna kokonaisluku 0–100.")
                .contains("value=\"Virheellinen\"");
        assertThat(reading.snapshot(org.id(), plan.id()).measures()).hasSize(before);

        Response evaluationOutsidePeriod = coordinator.get("/plan/goals/" + goal + "/evaluations/2030");
        assertThat(evaluationOutsidePeriod.status()).isEqualTo(404);
    }

    @Test
    void editorChangesOwnSectorsMeasuresButNotAnothers() {
        WebSession editor = as(Role.EDITOR);
        Map<String, String> own = measureForm(goal, "Liikkuva koulu -toiminta", education, "DONE");
        own.put("version", String.valueOf(measure(ownMeasure).version()));
        own.put("progress", "100");
        assertThat(editor.post("/plan/measures/" + ownMeasure + "/edit", own).status())
                .isEqualTo(302);
        assertThat(measure(ownMeasure).status()).isEqualTo(MeasureStatus.DONE);

        Map<String, String> other = measureForm(goal, "Kaapattu", leisure, "DONE");
        other.put("version", String.valueOf(measure(otherMeasure).version()));
        assertThat(editor.post("/plan/measures/" + otherMeasure + "/edit", other)
                        .status())
                .isEqualTo(403);
        assertThat(editor.get("/plan/measures/" + otherMeasure + "/edit").status())
                .isEqualTo(403);
        assertThat(measure(otherMeasure).title().fi()).isEqualTo("Matalan kynnyksen harrastukset");

        Response moved = editor.post(
                "/plan/measures/" + ownMeasure + "/edit",
                withVersion(
                        measureForm(goal, "Siirretty", leisure, "DONE"),
                        measure(ownMeasure).version()));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body()).contains("Muokkaajana voit lisätä ja muuttaa vain oman toimialasi toimenpiteitä.");
        assertThat(measure(ownMeasure).sectorId()).isEqualTo(education);

        Response evaluation = editor.post(
                "/plan/measures/" + ownMeasure + "/evaluations/2022",
                Map.of(
                        "realised",
                        "PARTLY",
                        "assessment",
                        "Puolet kouluista mukana.",
                        "evidence",
                        "",
                        "evidenceUrl",
                        "",
                        "id",
                        "",
                        "version",
                        "-1"));
        assertThat(evaluation.status()).isEqualTo(302);
        assertThat(editor.post(
                                "/plan/measures/" + otherMeasure + "/evaluations/2022",
                                Map.of(
                                        "realised",
                                        "YES",
                                        "assessment",
                                        "",
                                        "evidence",
                                        "",
                                        "evidenceUrl",
                                        "",
                                        "id",
                                        "",
                                        "version",
                                        "-1"))
                        .status())
                .isEqualTo(403);
        assertThat(editor.post(
                                "/plan/goals/" + goal + "/evaluations/2022",
                                Map.of(
                                        "realised",
                                        "YES",
                                        "assessment",
                                        "",
                                        "evidence",
                                        "",
                                        "evidenceUrl",
                                        "",
                                        "id",
                                        "",
                                        "version",
                                        "-1"))
                        .status())
                .isEqualTo(403);
        assertThat(reading.snapshot(org.id(), plan.id()).evaluation(ownMeasure, 2022))
                .map(Evaluation::realised)
                .contains(Realisation.PARTLY);
    }

    @Test
    void viewerReadsButCannotChange() {
        WebSession viewer = as(Role.VIEWER);
        assertThat(viewer.get("/plan/measures/" + ownMeasure).status()).isEqualTo(200);
        assertThat(viewer.post(
                                "/plan/measures/" + ownMeasure + "/edit",
                                withVersion(measureForm(goal, "Ei saa", education, "DONE"), 0))
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/plan/" + plan.id() + "/lines/new", Map.of("titleFi", "Ei saa", "version", "0"))
                        .status())
                .isEqualTo(403);
        assertThat(measure(ownMeasure).title().fi()).isEqualTo("Liikkuva koulu -toiminta");
    }

    @Test
    void laterSaveOfSameMeasureIsRefusedAndShowsTheOtherChange() {
        WebSession coordinator = as(Role.COORDINATOR);
        WebSession editor = as(Role.EDITOR);
        int seen = measure(ownMeasure).version();
        Response first = coordinator.post(
                "/plan/measures/" + ownMeasure + "/edit",
                withVersion(measureForm(goal, "Liikkuva koulu kaikissa kouluissa", education, "ONGOING"), seen));
        assertThat(first.status()).isEqualTo(302);

        Response late = editor.post(
                "/plan/measures/" + ownMeasure + "/edit",
                withVersion(measureForm(goal, "Liikkuva koulu -toiminta", education, "DONE"), seen));
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body())
                .contains("Joku muu muutti näitä tietoja sillä välin")
                .contains(org.prefix() + " COORDINATOR")
                .contains("Liikkuva koulu kaikissa kouluissa")
                .contains("name=\"version\" value=\"" + (seen + 1) + "\"");
        assertThat(measure(ownMeasure).status()).isEqualTo(MeasureStatus.ONGOING);
    }

    @Test
    void historyShowsWhoChangedWhatAndWhen() {
        WebSession coordinator = as(Role.COORDINATOR);
        coordinator.post(
                "/plan/measures/" + ownMeasure + "/edit",
                withVersion(
                        measureForm(goal, "Liikkuva koulu -toiminta", education, "LATE"),
                        measure(ownMeasure).version()));
        Response history = coordinator.get("/plan/measures/" + ownMeasure + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body())
                .contains(org.prefix() + " COORDINATOR")
                .contains("Tila")
                .contains("Käynnissä")
                .contains("Myöhässä")
                .containsPattern("TP-\\d+ Liikkuva koulu -toiminta")
                .doesNotContain(">ONGOING<")
                .doesNotContain(">LATE<");
    }

    @Test
    void targetTakesItsBaselineFromTheOwnRegionAndProgressIsJudgedAgainstTheLatestValue() throws IOException {
        Map<Integer, BigDecimal> kerava = keravaValuesOf683();
        WebSession coordinator = as(Role.COORDINATOR);
        Response saved = coordinator.post(
                "/plan/goals/" + goal + "/targets/new",
                Map.of(
                        "indicatorId",
                        "683",
                        "gender",
                        "total",
                        "baselineYear",
                        "2019",
                        "baselineValue",
                        "",
                        "targetValue",
                        "9,0",
                        "targetYear",
                        "2024",
                        "direction",
                        "",
                        "goalVersion",
                        String.valueOf(
                                reading.goal(org.id(), goal).orElseThrow().version()),
                        "version",
                        "-1"));
        assertThat(saved.status()).isEqualTo(302);
        GoalIndicator target =
                reading.snapshot(org.id(), plan.id()).indicatorsOf(goal).get(0);
        assertThat(target.baselineValue()).isEqualByComparingTo(kerava.get(2019));
        assertThat(target.direction()).isEqualTo(TargetDirection.DECREASE);

        PlanSnapshot snapshot = reading.snapshot(org.id(), plan.id());
        var progress = reading.progress(org.id(), snapshot, LocalDate.of(2026, 11, 22))
                .of(goal)
                .targets()
                .get(0);
        assertThat(progress.latestYear()).isEqualTo(2023);
        assertThat(progress.latestValue()).isEqualByComparingTo(kerava.get(2023));
        TargetStatus expected = kerava.get(2023).compareTo(new BigDecimal("9.0")) <= 0
                ? TargetStatus.REACHED
                : kerava.get(2023).compareTo(kerava.get(2019)) >= 0 ? TargetStatus.OFF_TRACK : progress.status();
        assertThat(progress.status()).isEqualTo(expected).isNotEqualTo(TargetStatus.NO_DATA);

        Response page = coordinator.get("/plan/" + plan.id() + "/progress");
        assertThat(page.body())
                .contains("Nuoret liikkuvat enemmän")
                .contains(kerava.get(2023).toPlainString().replace('.', ','))
                .contains("Lähde: THL, Sotkanet.fi, CC BY 4.0");

        Response twice = coordinator.post(
                "/plan/goals/" + goal + "/targets/new",
                Map.of(
                        "indicatorId",
                        "683",
                        "gender",
                        "total",
                        "baselineYear",
                        "2019",
                        "baselineValue",
                        "1",
                        "targetValue",
                        "x",
                        "targetYear",
                        "2018",
                        "direction",
                        "",
                        "goalVersion",
                        String.valueOf(
                                reading.goal(org.id(), goal).orElseThrow().version()),
                        "version",
                        "-1"));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body())
                .contains("Mittari on jo tavoitteella tällä sukupuolijaolla.")
                .contains("Anna luku, esimerkiksi 12,5.")
                .contains("Tavoitevuoden on oltava lähtövuoden jälkeen.");
    }

    @Test
    void gapsAndRemindersStateWhatIsMissing() {
        WebSession viewer = as(Role.VIEWER);
        List<Finding> gaps = reading.gaps(reading.snapshot(org.id(), plan.id()), LocalDate.of(2026, 11, 22));
        assertThat(gaps)
                .extracting(f -> f.kind() + " " + f.title().fi())
                .contains(
                        "GOAL_WITHOUT_MEASURES Yksinäisyys vähenee",
                        "GOAL_WITHOUT_OWNER Yksinäisyys vähenee",
                        "GOAL_WITHOUT_INDICATORS Nuoret liikkuvat enemmän",
                        "MEASURE_WITHOUT_OWNER Matalan kynnyksen harrastukset",
                        "MEASURE_WITHOUT_RESOURCES Matalan kynnyksen harrastukset",
                        "EVALUATION_OVERDUE Liikkuva koulu -toiminta")
                .doesNotContain("MEASURE_WITHOUT_OWNER Liikkuva koulu -toiminta");
        Response gapsPage = viewer.get("/plan/" + plan.id() + "/gaps");
        assertThat(gapsPage.body())
                .contains("Tavoitteet ilman toimenpiteitä")
                .contains("Toimenpiteet ilman resursseja")
                .contains("Myöhästyneet vuosiarvioinnit");

        Response reminders = viewer.get("/plan/" + plan.id() + "/reminders");
        assertThat(reminders.body())
                .contains("Myöhässä olevat toimenpiteet")
                .contains("Matalan kynnyksen harrastukset")
                .contains("Myöhästyneet vuosiarvioinnit");
    }

    @Test
    void myResponsibilitiesShowWhatTheSignedInPersonOwns() {
        WebSession editor = as(Role.EDITOR);
        Response mine = editor.get("/plan/" + plan.id() + "/mine");
        assertThat(mine.body())
                .contains("Ella Esimerkki")
                .contains("Nuoret liikkuvat enemmän")
                .contains("Liikkuva koulu -toiminta")
                .doesNotContain("Matalan kynnyksen harrastukset");
        Response unlinked = as(Role.VIEWER).get("/plan/" + plan.id() + "/mine");
        assertThat(unlinked.body()).contains("Käyttäjätunnustasi ei ole liitetty henkilöön.");
    }

    @Test
    void sectorViewShowsWhatTheSectorCarriesIntoItsBudget() {
        Response sector = as(Role.VIEWER).get("/plan/" + plan.id() + "/sectors/" + education);
        assertThat(sector.body())
                .contains("Liikkuva koulu -toiminta")
                .contains("TA 2022, Kasvatus ja oppiminen")
                .contains("12\u00a0000")
                .doesNotContain("Matalan kynnyksen harrastukset");
        Response all = as(Role.VIEWER).get("/plan/" + plan.id() + "/sectors");
        assertThat(all.body()).contains("Kasvatus ja oppiminen").contains("Vapaa-aika");
    }

    private Map<Integer, BigDecimal> keravaValuesOf683() throws IOException {
        int kerava = jdbc.sql("select sotkanet_id from region where kind = 'MUNICIPALITY' and code = '245'")
                .query(Integer.class)
                .single();
        Map<Integer, BigDecimal> values = new HashMap<>();
        Path file = Path.of("../shared/data/sotkanet_values/sotkanet_683_diabetes_2015_2023_all_regions.csv");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                if (row.get("region").equals(String.valueOf(kerava))
                        && row.get("gender").equals("total")) {
                    values.put(Integer.parseInt(row.get("year")), new BigDecimal(row.get("primary value")));
                }
            }
        }
        return values;
    }

    private static Map<String, String> measureForm(UUID goal, String title, UUID sector, String status) {
        Map<String, String> form = new HashMap<>();
        form.put("goalId", goal.toString());
        form.put("titleFi", title);
        form.put("titleSv", "");
        form.put("descriptionFi", "");
        form.put("descriptionSv", "");
        form.put("sectorId", sector.toString());
        form.put("ownerPersonId", "");
        form.put("partners", "");
        form.put("startsOn", "");
        form.put("endsOn", "");
        form.put("workYears", "");
        form.put("euros", "12000");
        form.put("grants", "");
        form.put("grantEuros", "");
        form.put("premises", "");
        form.put("budgetRef", "TA 2022, Kasvatus ja oppiminen");
        form.put("status", status);
        form.put("progress", "50");
        form.put("position", "0");
        form.put("version", "0");
        return form;
    }

    private static Map<String, String> withVersion(Map<String, String> form, int version) {
        form.put("version", String.valueOf(version));
        return form;
    }
}
