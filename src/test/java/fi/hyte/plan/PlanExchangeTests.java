package fi.hyte.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.Affiliation;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Person;
import fi.hyte.plan.domain.Evaluation;
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
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.UserId;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The plan as a spreadsheet and back: XLSX and CSV exports (whole plan, one sector), locked and
 * editable cells, formula injection kept out, and the all-or-nothing import of status, progress and
 * evaluations with every refusal named — locked cells, unknown and duplicate ids, bad values, other
 * sectors, changes made after the export, viewers, other organisations and files that are no sheets.
 */
@HyteSpringTest
class PlanExchangeTests {

    static final String TITLE_FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts users;

    @Autowired
    PlanEditing editing;

    @Autowired
    PlanReading reading;

    @Autowired
    JdbcClient jdbc;

    Fixtures.Org org;
    Tenant coordinator;
    Tenant editor;
    UUID sport;
    UUID school;
    Plan plan;
    UUID goal;
    UUID otherGoal;
    List<UUID> measures = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    /**
     * A plan of one line, two goals and five measures: two of the sports sector (the editor's own),
     * three of the school sector; four of the titles look like formulas.
     */
    @BeforeEach
    void plan() {
        org = fixtures.organisation("pex" + UUID.randomUUID().toString().substring(0, 6));
        coordinator = new Tenant(
                org.id(),
                users.find(org.user(Role.COORDINATOR)).orElseThrow(),
                "Kaisa Koordinaattori",
                Role.COORDINATOR);
        UserId editorId = users.find(org.user(Role.EDITOR)).orElseThrow();
        editor = new Tenant(org.id(), editorId, "Erkki Editori", Role.EDITOR);
        sport = fixtures.sector(org, "Vapaa-aika");
        school = fixtures.sector(org, "Sivistys");
        structure.savePerson(
                org.tenant(),
                new Person(
                        null,
                        "Erkki Editori",
                        null,
                        sport,
                        Affiliation.STAFF,
                        null,
                        null,
                        null,
                        false,
                        editorId.value(),
                        0));
        UUID owner = fixtures.person(org, "Olli Omistaja", school);
        plan = editing.createPlan(
                coordinator,
                new Plan(
                        null,
                        LocalizedText.of("Hyvinvointisuunnitelma 2025–2029", "Välfärdsplan 2025–2029"),
                        2025,
                        2029,
                        null,
                        null,
                        false,
                        0));
        UUID line = editing.saveLine(
                coordinator,
                new PolicyLine(null, plan.id(), 0, 0, LocalizedText.of("Liikkuva kunta", null), null, null, 0));
        goal = editing.saveGoal(coordinator, goal(line, "Nuoret liikkuvat enemmän"));
        otherGoal = editing.saveGoal(coordinator, goal(line, "Koulupäivä on turvallinen"));
        editing.saveGoalIndicator(
                coordinator,
                new GoalIndicator(
                        null,
                        goal,
                        683,
                        "female",
                        2023,
                        new BigDecimal("7.9"),
                        new BigDecimal("6.5"),
                        2029,
                        TargetDirection.DECREASE,
                        0),
                0);
        measures.clear();
        measures.add(editing.saveMeasure(
                coordinator,
                measure(goal, "Liikuntaneuvonta", sport, owner, new BigDecimal("12000.50"), new BigDecimal("0.5"))));
        measures.add(editing.saveMeasure(coordinator, measure(goal, TITLE_FORMULA, sport, null, null, null)));
        measures.add(editing.saveMeasure(coordinator, measure(otherGoal, "+1+1", school, owner, null, null)));
        measures.add(editing.saveMeasure(coordinator, measure(otherGoal, "@SUM(A1)", school, null, null, null)));
        measures.add(editing.saveMeasure(
                coordinator, measure(otherGoal, "-2+3", school, null, new BigDecimal("800"), null)));
    }

    @Test
    void exportedWorkbookHoldsEveryMeasureLockedButTheEditableCellsAndIsProtected() throws IOException {
        WebSession viewer = signIn(Role.VIEWER);
        Download download = download(viewer, "/plan/" + plan.id() + "/export.xlsx?year=2025");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("hyvinvointisuunnitelma-2025-2029.xlsx");
        try (XSSFWorkbook workbook = open(download.body())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            XSSFSheet sheet = workbook.getSheet("Toimenpiteet");
            assertThat(workbook.getSheet("Tavoitteet")).isNotNull();
            assertThat(workbook.getSheet("Ohje").getRow(0).getCell(0).getStringCellValue())
                    .contains("Hyvinvointisuunnitelma 2025–2029", "kaikki toimialat", "2025");
            assertThat(sheet.getProtect()).isTrue();
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Tunnus");
            assertThat(column(sheet, "Tila")).isPositive();
            assertThat(ids(sheet))
                    .containsExactly(
                            "TP-" + ref(measures.get(0)),
                            "TP-" + ref(measures.get(1)),
                            "TP-" + ref(measures.get(2)),
                            "TP-" + ref(measures.get(3)),
                            "TP-" + ref(measures.get(4)));
            Row first = sheet.getRow(1);
            assertThat(first.getCell(column(sheet, "Toimenpide")).getStringCellValue())
                    .isEqualTo("Liikuntaneuvonta");
            assertThat(first.getCell(column(sheet, "Määräraha (€)")).getNumericCellValue())
                    .isEqualTo(12000.5);
            assertThat(first.getCell(column(sheet, "Vastuutoimiala")).getStringCellValue())
                    .isEqualTo("Vapaa-aika");
            assertThat(first.getCell(column(sheet, "Tila")).getStringCellValue())
                    .isEqualTo("Suunniteltu");
            assertThat(first.getCell(column(sheet, "Arviointivuosi")).getNumericCellValue())
                    .isEqualTo(2025);
            assertThat(first.getCell(column(sheet, "Toimenpide")).getCellStyle().getLocked())
                    .isTrue();
            assertThat(first.getCell(column(sheet, "Määräraha (€)"))
                            .getCellStyle()
                            .getLocked())
                    .isTrue();
            for (String editable : List.of("Tila", "Edistyminen (%)", "Toteutuiko", "Arvio", "Näyttö", "Linkki")) {
                assertThat(first.getCell(column(sheet, editable)).getCellStyle().getLocked())
                        .as(editable)
                        .isFalse();
            }
            assertThat(sheet.isColumnHidden(column(sheet, "Versio"))).isTrue();
            assertThat(sheet.getDataValidations()).hasSize(3);
            Row total = sheet.getRow(6);
            assertThat(total.getCell(column(sheet, "Määräraha (€)")).getCellFormula())
                    .isEqualTo("SUM(L2:L6)");
        }
    }

    @Test
    void sectorExportHoldsOnlyTheMeasuresThatSectorIsResponsibleFor() throws IOException {
        Download download =
                download(signIn(Role.VIEWER), "/plan/" + plan.id() + "/export.xlsx?sector=" + sport + "&year=2025");
        assertThat(download.header("Content-Disposition")).contains("hyvinvointisuunnitelma-2025-2029-vapaa-aika.xlsx");
        try (XSSFWorkbook workbook = open(download.body())) {
            assertThat(ids(workbook.getSheet("Toimenpiteet")))
                    .containsExactly("TP-" + ref(measures.get(0)), "TP-" + ref(measures.get(1)));
            assertThat(ids(workbook.getSheet("Tavoitteet"))).containsExactly("T-" + goalRef(goal));
            Sheet goals = workbook.getSheet("Tavoitteet");
            assertThat(goals.getRow(1)
                            .getCell(column(goals, "Mittarit: lähtötaso → tavoite"))
                            .getStringCellValue())
                    .endsWith(" (naiset): 2023 7,9 → 2029 6,5");
            assertThat(goals.getRow(1)
                            .getCell(column(goals, "Toteutuiko"))
                            .getCellStyle()
                            .getLocked())
                    .isFalse();
        }
    }

    @Test
    void csvExportIsSemicolonSeparatedUtf8WithByteOrderMarkAndHeadersInTheUsersLanguage() {
        WebSession viewer = signIn(Role.VIEWER);
        Download finnish = download(viewer, "/plan/" + plan.id() + "/export.csv?year=2025");
        assertThat(finnish.status()).isEqualTo(200);
        assertThat(finnish.header("Content-Disposition")).contains("hyvinvointisuunnitelma-2025-2029.csv");
        String text = new String(finnish.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFTunnus;Hyvinvointilinjaus;Tavoite;Toimenpide;");
        assertThat(text.split("\r\n")).hasSize(6);
        assertThat(text).contains(";Liikuntaneuvonta;Vapaa-aika;Olli Omistaja;", ";12000,5;", ";Suunniteltu;0;2025;");
        viewer.get("/plan/" + plan.id() + "/import?lang=sv");
        String swedish = new String(
                download(viewer, "/plan/" + plan.id() + "/export.csv?year=2025").body(), StandardCharsets.UTF_8);
        assertThat(swedish)
                .startsWith("\uFEFFBeteckning;Välfärdslinje;Mål;Åtgärd;")
                .contains(";Planerad;");
    }

    @Test
    void filledInWorkbookSavesStatusProgressAndEvaluationsAndAuditsEachChange() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] exported = download(session, "/plan/" + plan.id() + "/export.xlsx?year=2025")
                .body();
        byte[] filled = edit(exported, workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            set(sheet, measures.get(0), "Tila", "Käynnissä");
            set(sheet, measures.get(0), "Edistyminen (%)", 40);
            set(sheet, measures.get(0), "Toteutuiko", "Osittain");
            set(sheet, measures.get(0), "Arvio", "Neuvontaa annettiin 120 nuorelle.");
            set(sheet, measures.get(0), "Linkki", "https://example.org/raportti");
            set(sheet, measures.get(2), "Tila", "valmis");
            set(sheet, measures.get(2), "Edistyminen (%)", 100);
            Sheet goals = workbook.getSheet("Tavoitteet");
            setGoal(goals, goal, "Toteutuiko", "Kyllä");
            setGoal(goals, goal, "Näyttö", "Kouluterveyskysely 2025");
        });
        WebSession.Response response =
                session.postFile("/plan/" + plan.id() + "/import", "file", "täytetty.xlsx", filled);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Tiedosto täytetty.xlsx tuotiin.");
        assertThat(counts(response.body())).containsExactly("2", "2", "0", "4");
        PlanSnapshot after = reading.snapshot(org.id(), plan.id());
        Measure first = after.measure(measures.get(0)).orElseThrow();
        assertThat(first.status()).isEqualTo(MeasureStatus.ONGOING);
        assertThat(first.progress()).isEqualTo(40);
        assertThat(first.version()).isEqualTo(1);
        assertThat(after.measure(measures.get(2)).orElseThrow().status()).isEqualTo(MeasureStatus.DONE);
        assertThat(after.measure(measures.get(1)).orElseThrow().version())
                .as("a row with nothing changed is not saved")
                .isZero();
        Evaluation evaluation = after.evaluation(measures.get(0), 2025).orElseThrow();
        assertThat(evaluation.realised()).isEqualTo(Realisation.PARTLY);
        assertThat(evaluation.assessment()).isEqualTo("Neuvontaa annettiin 120 nuorelle.");
        assertThat(evaluation.evidenceUrl()).isEqualTo("https://example.org/raportti");
        assertThat(after.evaluation(goal, 2025).orElseThrow().evidence()).isEqualTo("Kouluterveyskysely 2025");
        assertThat(audited("measure", measures.get(0))).isEqualTo(1);
        assertThat(audited("measureEvaluation", measures.get(0))).isEqualTo(1);
        assertThat(audited("goalEvaluation", goal)).isEqualTo(1);
        assertThat(audited("measure", measures.get(1))).isZero();
        String actor = jdbc.sql("select actor_name from audit_event where entity_type = 'measure' and entity_id = ?"
                        + " and action = 'UPDATE'")
                .param(measures.get(0).toString())
                .query(String.class)
                .single();
        assertThat(actor).isEqualTo(org.prefix() + " COORDINATOR");

        WebSession.Response again = session.postFile("/plan/" + plan.id() + "/import", "file", "täytetty.xlsx", filled);
        assertThat(again.body()).contains("Tiedostossa ei ollut muutoksia.");
        assertThat(counts(again.body())).containsExactly("0", "0", "0", "7");
        assertThat(reading.snapshot(org.id(), plan.id())
                        .measure(measures.get(0))
                        .orElseThrow()
                        .version())
                .isEqualTo(1);
        assertThat(audited("measure", measures.get(0))).isEqualTo(1);
        assertThat(audited("measureEvaluation", measures.get(0))).isEqualTo(1);
    }

    @Test
    void changedLockedColumnRefusesTheRowAndNothingIsSaved() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] filled = edit(export(session), workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            set(sheet, measures.get(0), "Määräraha (€)", 50000);
            set(sheet, measures.get(2), "Tila", "Käynnissä");
        });
        String page = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                .body();
        assertThat(page).contains("Mitään ei tallennettu.");
        assertThat(problemRows(page))
                .containsExactly("Toimenpiteet|2|TP-" + ref(measures.get(0)) + "|Määräraha (€)|"
                        + "Lukittua saraketta on muutettu: tiedostossa ”50000”, Hytessä ”12000,5”."
                        + " Lukitut tiedot muutetaan Hytessä.");
        assertUnchanged();
    }

    @Test
    void unknownAndDuplicateIdsAreRefused() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] filled = edit(export(session), workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            sheet.getRow(1).getCell(0).setCellValue("TP-9999");
            sheet.getRow(3).getCell(0).setCellValue("ÅT-" + ref(measures.get(1)));
            sheet.getRow(4).getCell(0).setCellValue("kolme");
        });
        List<String> problems = problemRows(session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                .body());
        assertThat(problems)
                .containsExactly(
                        "Toimenpiteet|2|TP-9999|Tunnus|Suunnitelmassa ei ole toimenpidettä TP-9999.",
                        "Toimenpiteet|4|TP-" + ref(measures.get(1)) + "|Tunnus|TP-" + ref(measures.get(1))
                                + " on tiedostossa jo rivillä 3.",
                        "Toimenpiteet|5|kolme|Tunnus|”kolme” ei ole tunnus (esimerkiksi TP-12).");
        assertUnchanged();
    }

    @Test
    void badStatusProgressRealisedAndLinkAreEachRefusedWithTheReason() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] filled = edit(export(session), workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            set(sheet, measures.get(0), "Tila", "Melkein valmis");
            set(sheet, measures.get(1), "Edistyminen (%)", 150);
            set(sheet, measures.get(2), "Toteutuiko", "Ehkä");
            set(sheet, measures.get(3), "Arvio", "Hyvin meni");
            set(sheet, measures.get(4), "Toteutuiko", "Kyllä");
            set(sheet, measures.get(4), "Linkki", "javascript:alert(1)");
        });
        String page = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                .body();
        assertThat(problemRows(page))
                .containsExactly(
                        "Toimenpiteet|2|TP-" + ref(measures.get(0)) + "|Tila|”Melkein valmis” ei ole tila."
                                + " Valitse jokin: Suunniteltu, Käynnissä, Valmis, Myöhässä, Peruttu.",
                        "Toimenpiteet|3|TP-" + ref(measures.get(1)) + "|Edistyminen (%)|”150” ei kelpaa"
                                + " edistymiseksi: anna kokonaisluku 0–100.",
                        "Toimenpiteet|4|TP-" + ref(measures.get(2)) + "|Toteutuiko|”Ehkä” ei kelpaa."
                                + " Valitse jokin: Kyllä, Osittain, Ei.",
                        "Toimenpiteet|5|TP-" + ref(measures.get(3)) + "|Toteutuiko|Arviossa on tekstiä, mutta"
                                + " toteutuminen puuttuu. Valitse jokin: Kyllä, Osittain, Ei.",
                        "Toimenpiteet|6|TP-" + ref(measures.get(4)) + "|Linkki|”javascript:alert(1)” ei ole"
                                + " linkki: sen pitää alkaa http:// tai https://.");
        assertThat(page).contains("Virheitä tiedostossa a.xlsx: 5");
        assertUnchanged();
    }

    @Test
    void oneBadRowAmongGoodOnesSavesNothing() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] filled = edit(export(session), workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            set(sheet, measures.get(0), "Tila", "Käynnissä");
            set(sheet, measures.get(1), "Tila", "Valmis");
            set(sheet, measures.get(2), "Toteutuiko", "Kyllä");
            set(sheet, measures.get(3), "Edistyminen (%)", "paljon");
        });
        String page = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                .body();
        assertThat(problemRows(page)).hasSize(1);
        assertUnchanged();
    }

    @Test
    void editorChangesOwnSectorsMeasuresButNotAnotherSectorsNorGoals() throws IOException {
        WebSession session = signIn(Role.EDITOR);
        byte[] exported = export(session);
        byte[] other = edit(exported, workbook -> {
            set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Tila", "Käynnissä");
            set(workbook.getSheet("Toimenpiteet"), measures.get(2), "Tila", "Käynnissä");
            setGoal(workbook.getSheet("Tavoitteet"), goal, "Toteutuiko", "Kyllä");
        });
        String refused = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", other)
                .body();
        assertThat(problemRows(refused))
                .containsExactly(
                        "Tavoitteet|2|T-" + goalRef(goal) + "|Toteutuiko|Tavoitteiden arvion voi muuttaa vain"
                                + " hyvinvointikoordinaattori.",
                        "Toimenpiteet|4|TP-" + ref(measures.get(2)) + "|Tila|Toimenpide kuuluu toiselle"
                                + " toimialalle: muokkaaja voi muuttaa vain oman toimialansa toimenpiteitä.");
        assertUnchanged();

        byte[] own = edit(exported, workbook -> {
            set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Tila", "Käynnissä");
            set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Toteutuiko", "Kyllä");
        });
        String saved = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", own)
                .body();
        assertThat(saved).contains("tuotiin");
        assertThat(reading.snapshot(org.id(), plan.id())
                        .measure(measures.get(0))
                        .orElseThrow()
                        .status())
                .isEqualTo(MeasureStatus.ONGOING);
        assertThat(jdbc.sql("select actor_name from audit_event where entity_type = 'measure' and entity_id = ?"
                                + " and action = 'UPDATE'")
                        .param(measures.get(0).toString())
                        .query(String.class)
                        .single())
                .isEqualTo(org.prefix() + " EDITOR");
    }

    @Test
    void measureChangedAfterTheExportIsRefusedNamingWhoChangedItAndWhen() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] exported = export(session);
        Measure current =
                reading.snapshot(org.id(), plan.id()).measure(measures.get(0)).orElseThrow();
        editing.saveMeasure(coordinator, current.withProgress(MeasureStatus.LATE, 10, current.version()));
        byte[] filled = edit(exported, workbook -> {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            set(sheet, measures.get(0), "Tila", "Valmis");
            set(sheet, measures.get(1), "Tila", "Käynnissä");
        });
        String page = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                .body();
        assertThat(problemRows(page)).hasSize(1);
        assertThat(problemRows(page).get(0))
                .startsWith("Toimenpiteet|2|TP-" + ref(measures.get(0)) + "|Tila|Kaisa Koordinaattori muutti tätä"
                        + " tietoa viennin jälkeen (")
                .endsWith("). Vie suunnitelma uudelleen ja tee muutos siihen.");
        PlanSnapshot after = reading.snapshot(org.id(), plan.id());
        assertThat(after.measure(measures.get(0)).orElseThrow().status()).isEqualTo(MeasureStatus.LATE);
        assertThat(after.measure(measures.get(1)).orElseThrow().status()).isEqualTo(MeasureStatus.PLANNED);

        // The same stale file without a change to that row goes through: its row says nothing new.
        byte[] untouched = edit(
                exported, workbook -> set(workbook.getSheet("Toimenpiteet"), measures.get(1), "Tila", "Käynnissä"));
        byte[] restored = edit(untouched, workbook -> {
            set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Tila", "Myöhässä");
            set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Edistyminen (%)", 10);
        });
        String saved = session.postFile("/plan/" + plan.id() + "/import", "file", "b.xlsx", restored)
                .body();
        assertThat(problemRows(saved)).isEmpty();
        assertThat(reading.snapshot(org.id(), plan.id())
                        .measure(measures.get(1))
                        .orElseThrow()
                        .status())
                .isEqualTo(MeasureStatus.ONGOING);
    }

    @Test
    void formulaLikeTitlesAreWrittenAsTextAndComeBackUnchanged() throws IOException {
        WebSession session = signIn(Role.COORDINATOR);
        byte[] xlsx = export(session);
        try (XSSFWorkbook workbook = open(xlsx)) {
            Sheet sheet = workbook.getSheet("Toimenpiteet");
            int title = column(sheet, "Toimenpide");
            for (int r = 2; r <= 5; r++) {
                Cell cell = sheet.getRow(r).getCell(title);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed())
                        .as(cell.getStringCellValue())
                        .isTrue();
            }
            assertThat(sheet.getRow(2).getCell(title).getStringCellValue()).isEqualTo(TITLE_FORMULA);
            assertThat(sheet.getRow(1).getCell(title).getCellStyle().getQuotePrefixed())
                    .isFalse();
        }
        String csv = new String(
                download(session, "/plan/" + plan.id() + "/export.csv?year=2025")
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(csv)
                .contains(";\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\";", ";'+1+1;", ";'@SUM(A1);", ";'-2+3;")
                .doesNotContain(";=HYPERLINK", ";+1+1", ";@SUM", ";-2+3");

        String fromXlsx = session.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", xlsx)
                .body();
        assertThat(problemRows(fromXlsx)).isEmpty();
        assertThat(fromXlsx).contains("Tiedostossa ei ollut muutoksia.");
        String changedCsv = csv.replace(";Suunniteltu;0;2025;", ";Käynnissä;25;2025;");
        String fromCsv = session.postFile(
                        "/plan/" + plan.id() + "/import", "file", "a.csv", changedCsv.getBytes(StandardCharsets.UTF_8))
                .body();
        assertThat(problemRows(fromCsv)).isEmpty();
        assertThat(counts(fromCsv)).containsExactly("5", "0", "0", "0");
        PlanSnapshot after = reading.snapshot(org.id(), plan.id());
        assertThat(after.measure(measures.get(1)).orElseThrow().title().fi()).isEqualTo(TITLE_FORMULA);
        assertThat(after.measures()).allMatch(m -> m.status() == MeasureStatus.ONGOING && m.progress() == 25);
    }

    @Test
    void csvSavedByExcelInWindows1252WithSwedishHeadersIsRead() {
        WebSession session = signIn(Role.COORDINATOR);
        session.get("/plan/" + plan.id() + "/import?lang=sv");
        String csv = new String(
                        download(session, "/plan/" + plan.id() + "/export.csv?year=2025")
                                .body(),
                        StandardCharsets.UTF_8)
                .substring(1);
        String[] lines = csv.split("\r\n");
        lines[1] = lines[1].replace(";Planerad;0;2025;;", ";Pågår;30;2025;Delvis;");
        byte[] excel = String.join("\r\n", lines).getBytes(Charset.forName("windows-1252"));
        session.get("/plan/" + plan.id() + "/import?lang=fi");
        String page = session.postFile("/plan/" + plan.id() + "/import", "file", "a.csv", excel)
                .body();
        assertThat(problemRows(page)).isEmpty();
        assertThat(counts(page)).containsExactly("1", "1", "0", "4");
        assertThat(reading.snapshot(org.id(), plan.id())
                        .evaluation(measures.get(0), 2025)
                        .orElseThrow()
                        .realised())
                .isEqualTo(Realisation.PARTLY);
    }

    @Test
    void viewerMayExportButNotImport() throws IOException {
        WebSession viewer = signIn(Role.VIEWER);
        assertThat(viewer.get("/plan/" + plan.id() + "/import").body())
                .contains("Katselijana voit viedä suunnitelman taulukoksi.")
                .doesNotContain("type=\"file\"");
        byte[] filled = edit(
                export(signIn(Role.COORDINATOR)),
                workbook -> set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Tila", "Käynnissä"));
        assertThat(viewer.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled)
                        .status())
                .isEqualTo(403);
        assertUnchanged();
    }

    @Test
    void anotherOrganisationsPlanAnswers404() throws IOException {
        Fixtures.Org other =
                fixtures.organisation("pexo" + UUID.randomUUID().toString().substring(0, 6));
        WebSession stranger = WebSession.signedIn(port, other.user(Role.ADMIN), Fixtures.PASSWORD);
        byte[] filled = edit(
                export(signIn(Role.COORDINATOR)),
                workbook -> set(workbook.getSheet("Toimenpiteet"), measures.get(0), "Tila", "Käynnissä"));
        assertThat(download(stranger, "/plan/" + plan.id() + "/export.xlsx").status())
                .isEqualTo(404);
        assertThat(download(stranger, "/plan/" + plan.id() + "/export.csv").status())
                .isEqualTo(404);
        assertThat(stranger.get("/plan/" + plan.id() + "/import").status()).isEqualTo(404);
        WebSession.Response post = stranger.postFile("/plan/" + plan.id() + "/import", "file", "a.xlsx", filled);
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Liikuntaneuvonta");
        assertUnchanged();
    }

    @Test
    void fileThatIsNoUsableSpreadsheetGetsAClearMessage() {
        WebSession session = signIn(Role.COORDINATOR);
        String path = "/plan/" + plan.id() + "/import";
        byte[] pdf = new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2, (byte) 0x81};
        WebSession.Response response = session.postFile(path, "file", "liite.pdf", pdf);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Tiedosto ei ole XLSX- eikä CSV-tiedosto.", "Mitään ei tallennettu.");
        byte[] encrypted = new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThat(session.postFile(path, "file", "salattu.xlsx", encrypted).body())
                .contains("Tiedosto on salattu tai vanhaa .xls-muotoa.");
        byte[] brokenZip = new byte[] {'P', 'K', 3, 4, 1, 2, 3};
        assertThat(session.postFile(path, "file", "rikki.xlsx", brokenZip).body())
                .contains("Tiedostoa ei voi lukea: se on vioittunut tai ei ole XLSX-tiedosto.");
        assertThat(session.postFile(path, "file", "muu.csv", "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("Tiedostosta ei löytynyt suunnitelman toimenpiteitä eikä tavoitteita.");
        assertThat(session.postFile(
                                path,
                                "file",
                                "vajaa.csv",
                                "Tunnus;Toimenpide;Tila;Edistyminen (%);Versio\nTP-1;x;Valmis;100;0\n"
                                        .getBytes(StandardCharsets.UTF_8))
                        .body())
                .contains("Sarakkeita puuttuu: ”Hyvinvointilinjaus”, ”Tavoite”");
        assertUnchanged();
    }

    // ---- helpers

    private Goal goal(UUID line, String title) {
        return new Goal(
                null,
                plan.id(),
                line,
                0,
                0,
                LocalizedText.of(title, null),
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                0,
                null,
                null);
    }

    private Measure measure(
            UUID goalId, String title, UUID sector, UUID owner, BigDecimal euros, BigDecimal workYears) {
        return new Measure(
                null,
                plan.id(),
                goalId,
                0,
                0,
                LocalizedText.of(title, null),
                null,
                sector,
                owner,
                List.of(),
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31),
                workYears,
                euros,
                null,
                null,
                null,
                "TA 2025 / liikunta",
                euros != null,
                MeasureStatus.PLANNED,
                0,
                0,
                null,
                null);
    }

    private WebSession signIn(Role role) {
        return WebSession.signedIn(port, org.user(role), Fixtures.PASSWORD);
    }

    private byte[] export(WebSession session) {
        Download download = download(session, "/plan/" + plan.id() + "/export.xlsx?year=2025");
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }

    /** What a download returned, as bytes (WebSession reads bodies as text). */
    record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Download download(WebSession session, String path) {
        StringBuilder cookies = new StringBuilder("SESSION=" + session.cookie("SESSION"));
        if (session.cookie("hyte-lang") != null) {
            cookies.append("; hyte-lang=").append(session.cookie("hyte-lang"));
        }
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Cookie", cookies.toString())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static byte[] edit(byte[] xlsx, Consumer<Workbook> change) throws IOException {
        try (XSSFWorkbook workbook = open(xlsx);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private void set(Sheet sheet, UUID measure, String header, Object value) {
        setRow(sheet, "TP-" + ref(measure), header, value);
    }

    private void setGoal(Sheet sheet, UUID goalId, String header, Object value) {
        setRow(sheet, "T-" + goalRef(goalId), header, value);
    }

    private static void setRow(Sheet sheet, String id, String header, Object value) {
        int column = column(sheet, header);
        for (Row row : sheet) {
            Cell idCell = row.getCell(0);
            if (idCell != null
                    && idCell.getCellType() == CellType.STRING
                    && idCell.getStringCellValue().equals(id)) {
                Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(value.toString());
                }
                return;
            }
        }
        throw new AssertionError("No row " + id);
    }

    private static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("No column " + header);
    }

    private static List<String> ids(Sheet sheet) {
        List<String> ids = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (row.getRowNum() > 0
                    && cell != null
                    && !cell.getStringCellValue().isBlank()) {
                ids.add(cell.getStringCellValue());
            }
        }
        return ids;
    }

    private int ref(UUID measure) {
        return reading.snapshot(org.id(), plan.id())
                .measure(measure)
                .orElseThrow()
                .ref();
    }

    private int goalRef(UUID goalId) {
        return reading.snapshot(org.id(), plan.id()).goal(goalId).orElseThrow().ref();
    }

    private int audited(String type, UUID id) {
        return jdbc.sql(
                        "select count(*) from audit_event where entity_type = ? and entity_id = ? and action = 'UPDATE'")
                .params(type, id.toString())
                .query(Integer.class)
                .single();
    }

    /** Nothing of the plan changed: every measure as created, no evaluations. */
    private void assertUnchanged() {
        PlanSnapshot now = reading.snapshot(org.id(), plan.id());
        assertThat(now.measures()).allMatch(m -> m.version() == 0 && m.status() == MeasureStatus.PLANNED);
        assertThat(now.evaluations()).isEmpty();
    }

    /** The result page's counts: measures updated, evaluations added, changed, rows unchanged. */
    private static List<String> counts(String page) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("<dd>(\\d+)</dd>").matcher(page);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    /** The problems table as sheet|row|id|column|reason lines. */
    private static List<String> problemRows(String page) {
        List<String> rows = new ArrayList<>();
        int table = page.indexOf("<tbody>");
        if (table < 0) {
            return rows;
        }
        String body = page.substring(table, page.indexOf("</tbody>", table));
        Matcher row = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(body);
        while (row.find()) {
            Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).strip()));
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }
}
