package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.CaseReading;
import fi.hyte.impact.domain.Preparation;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.PlanFixtures;
import fi.hyte.support.WebSession;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading across decisions on PostgreSQL and over HTTP: the decisions that touched a plan goal on
 * the goal's page, the cross-decision view and its filters, the share of key decisions assessed by
 * body and sector with its XLSX, and the cross-check's accumulation over other decisions.
 */
@HyteSpringTest
class ImpactAcrossTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Preparation preparation;

    @Autowired
    Templates templates;

    @Autowired
    CaseReading reading;

    @Autowired
    ImpactCatalog catalog;

    @Autowired
    PlanFixtures plans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void decisionsThatTouchedAGoalAreListedOnTheGoalPageAndTheViewFiltersByGoalGroupAreaSectorAndYear() {
        Org org = fixtures.organisation("kosk" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        UUID education = fixtures.sector(org, "Sivistys");
        UUID leisure = fixtures.sector(org, "Vapaa-aika");
        withAreas(org);
        UUID goal = goal(org);
        UUID school = decided(org, "Koulukuljetuksen laajennus", body, education, LocalDate.of(2025, 3, 1), "Keskusta");
        cell(org, school, "children", "SHORT", "NEGATIVE");
        cell(org, school, "children", "LONG", "POSITIVE");
        followUp(org, school, goal, "INCREASE", "AS_EXPECTED");
        UUID pool = decided(org, "Uimahallin maksut", body, leisure, LocalDate.of(2024, 5, 1), "Kylä");
        cell(org, pool, "lowIncome", "SHORT", "NEGATIVE");
        UUID draft = create(org, "Keskeneräinen asia", body, education);
        followUp(org, draft, goal, "DECREASE", null);

        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        String goalPage = viewer.get("/plan/goals/" + goal).body();
        assertThat(goalPage)
                .contains("Päätökset, jotka ovat koskeneet tavoitetta")
                .contains("Koulukuljetuksen laajennus")
                .contains("Koulumatkat: odotettu suunta Kasvaa · Kuten ennakoitiin")
                .contains("/impact/decisions?goal=" + goal)
                .doesNotContain("Uimahallin maksut")
                .doesNotContain("Keskeneräinen asia");
        viewer.get("/impact?lang=sv");
        assertThat(viewer.get("/plan/goals/" + goal).body())
                .contains("Beslut som har berört målet")
                .contains("förväntad riktning Ökar");
        viewer.get("/impact?lang=fi");

        assertThat(listed(viewer, "")).contains("Koulukuljetuksen laajennus", "Uimahallin maksut");
        assertThat(listed(viewer, "")).doesNotContain("Keskeneräinen asia");
        String byGoal = listed(viewer, "goal=" + goal);
        assertThat(byGoal).contains("Koulukuljetuksen laajennus", "Kasvaa").doesNotContain("Uimahallin maksut");
        String children = listed(viewer, "group=children");
        assertThat(children)
                .contains("Koulukuljetuksen laajennus", "Lyhyt aikaväli: Kielteinen", "Pitkä aikaväli: Myönteinen")
                .doesNotContain("Uimahallin maksut");
        assertThat(listed(viewer, "group=lowIncome"))
                .contains("Uimahallin maksut")
                .doesNotContain("Koulukuljetuksen laajennus");
        assertThat(listed(viewer, "sector=" + leisure))
                .contains("Uimahallin maksut")
                .doesNotContain("Koulukuljetuksen laajennus");
        assertThat(listed(viewer, "year=2025"))
                .contains("Koulukuljetuksen laajennus")
                .doesNotContain("Uimahallin maksut");
        assertThat(listed(viewer, "area=Kylä"))
                .contains("Uimahallin maksut")
                .doesNotContain("Koulukuljetuksen laajennus");
        assertThat(listed(viewer, "year=2025&sector=" + leisure)).contains("Suodattimilla ei löytynyt päätöksiä.");

        // Values that are not among the choices are named and left out; the page still answers.
        WebSession.Response bad = viewer.get("/impact/decisions?year=vuosi&sector=" + UUID.randomUUID()
                + "&group=aliens&goal=" + UUID.randomUUID() + "&area=Mars");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body())
                .contains("Anna vuosi numeroina väliltä 2000–2100.")
                .contains("Valittua toimialaa ei löytynyt.")
                .contains("Valittua väestöryhmää ei ole arviointipohjassa.")
                .contains("Valittua tavoitetta ei löytynyt")
                .contains("Valittua aluetta ei ole arviointipohjassa.")
                .contains("Koulukuljetuksen laajennus", "Uimahallin maksut");
        viewer.get("/impact?lang=sv");
        assertThat(viewer.get("/impact/decisions?year=3000").body()).contains("Ange året med siffror");
        viewer.get("/impact?lang=fi");

        assertThat(catalog.touching(org.id(), goal))
                .singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("/impact/cases/" + school));
    }

    @Test
    void shareOfKeyDecisionsAssessedIsBrokenDownByBodyAndSectorWithChildAndGenderPartsApartAndAsXlsx()
            throws Exception {
        Org org = fixtures.organisation("osuus" + suffix());
        UUID council = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        UUID board = fixtures.body(org, BodyType.BOARD, "Kunnanhallitus");
        UUID education = fixtures.sector(org, "Sivistys");
        UUID leisure = fixtures.sector(org, "Vapaa-aika");
        LocalDate day = LocalDate.of(2025, 4, 1);
        UUID inTime = decided(org, "Ajoissa arvioitu", council, education, day, "Keskusta");
        share(inTime, "REQUIRED", day.minusDays(5), "{\"concernsPeople\": true, \"concernsChildren\": true}");
        UUID late = decided(org, "Myöhässä lukittu", council, education, day, "Keskusta");
        share(late, "REQUIRED", day.plusDays(3), "{\"concernsChildren\": true, \"concernsPeople\": false}");
        UUID skipped = create(org, "Ohitettu avustussääntö", board, leisure);
        jdbc.sql("update impact_case set status = 'NOT_ASSESSED', need = 'REQUIRED', meeting_on = ?,"
                        + " not_assessed_reason = 'Kiireellinen asia' where id = ?")
                .params(java.sql.Date.valueOf(day), skipped)
                .update();
        UUID recommended = decided(org, "Vain suositeltu", board, leisure, day, "Keskusta");
        share(recommended, "RECOMMENDED", null, "{}");
        UUID lastYear = decided(org, "Viime vuonna", board, leisure, day.minusYears(1), "Keskusta");
        share(lastYear, "REQUIRED", null, "{}");

        ImpactCatalog.ShareReport report = catalog.shareReport(org.id(), 2025);
        assertThat(report.all().required()).isEqualTo(3);
        assertThat(report.all().assessed()).isEqualTo(1);
        assertThat(report.all().share()).isEqualTo(33);
        assertThat(report.all().childRequired()).isEqualTo(2);
        assertThat(report.all().childAssessed()).isEqualTo(1);
        assertThat(report.all().childShare()).isEqualTo(50);
        assertThat(report.all().genderRequired()).isEqualTo(1);
        assertThat(report.all().genderShare()).isEqualTo(100);
        assertThat(report.all().skipped()).isEqualTo(1);
        assertThat(report.byBody()).hasSize(2);
        ImpactCatalog.Counts ofCouncil = report.byBody().stream()
                .filter(c -> council.equals(c.id()))
                .findFirst()
                .orElseThrow();
        assertThat(ofCouncil.required()).isEqualTo(2);
        assertThat(ofCouncil.share()).isEqualTo(50);
        ImpactCatalog.Counts ofLeisure = report.bySector().stream()
                .filter(c -> leisure.equals(c.id()))
                .findFirst()
                .orElseThrow();
        assertThat(ofLeisure.required()).isEqualTo(1);
        assertThat(ofLeisure.share()).isZero();
        assertThat(ofLeisure.childShare())
                .as("no case concerning children: no data, not 0")
                .isNull();
        assertThat(report.total().skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("Kiireellinen asia"));
        assertThat(catalog.shareAssessed(org.id(), 2025).share()).isEqualTo(33);
        assertThat(catalog.shareReport(org.id(), 2019).all().share()).isNull();

        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String page = coordinator.get("/impact/share?year=2025").body();
        assertThat(page)
                .contains("Päättävän toimielimen mukaan", "Toimialan mukaan", "Valtuusto", "Vapaa-aika")
                .contains("50 %", "33 %", "1/2 (50 %)")
                .contains("Ohitettu avustussääntö", "Kiireellinen asia")
                .contains("ei tietoa");
        assertThat(coordinator.get("/impact/share?year=x").body()).contains("Anna vuosi numeroina");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/impact/share.xlsx?year=2025"))
                                .header("Cookie", "SESSION=" + coordinator.cookie("SESSION"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet byBody = book.getSheet("Päättävän toimielimen mukaan");
            assertThat(byBody.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Arviointi tarvittiin");
            assertThat(byBody.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Yhteensä");
            assertThat(byBody.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(byBody.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(33);
            Sheet bySector = book.getSheet("Toimialan mukaan");
            boolean leisureRow = false;
            for (int r = 1; r <= bySector.getLastRowNum(); r++) {
                if (bySector.getRow(r).getCell(0).getStringCellValue().equals("Vapaa-aika")) {
                    leisureRow = true;
                    assertThat(bySector.getRow(r).getCell(6))
                            .as("LAVA share without cases is empty")
                            .isNull();
                    assertThat(bySector.getRow(r).getCell(10).getNumericCellValue())
                            .isEqualTo(1);
                }
            }
            assertThat(leisureRow).isTrue();
            assertThat(book.getSheet("Ohitetut").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Kiireellinen asia");
        }
    }

    @Test
    void crossCheckFindsAGroupAndAnAreaHitByOtherDecisionsWithinTheWindowOnly() {
        Org org = fixtures.organisation("kasa" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        withAreas(org);
        UUID library = decided(org, "Kirjastojen yhdistäminen", body, null, LocalDate.of(2025, 3, 1), "Kylä");
        cell(org, library, "environment", "LONG", "NEGATIVE");
        UUID pool = decided(org, "Uimahallin maksut", body, null, LocalDate.of(2025, 1, 1), "Keskusta");
        cell(org, pool, "children", "SHORT", "NEGATIVE");
        UUID old = decided(org, "Vanha päätös", body, null, LocalDate.of(2020, 1, 1), "Kylä");
        cell(org, old, "children", "SHORT", "NEGATIVE");
        UUID school = create(org, "Kyläkoulun lakkauttaminen", body, null);
        jdbc.sql(
                        "update impact_case set status = 'ASSESSING', meeting_on = ?, screening = cast(? as jsonb) where id = ?")
                .params(
                        java.sql.Date.valueOf(LocalDate.of(2025, 9, 1)),
                        "{\"answered\": true, \"areas\": [\"Kylä\"]}",
                        school)
                .update();
        cell(org, school, "children", "LONG", "NEGATIVE");

        List<CaseReading.Finding> findings = reading.crossCheck(org.tenant(), reading.of(org.tenant(), school));
        assertThat(findings)
                .contains(new CaseReading.Finding(
                        CaseReading.Finding.Kind.ACCUMULATING, "children", List.of("Uimahallin maksut")))
                .contains(new CaseReading.Finding(
                        CaseReading.Finding.Kind.ACCUMULATING, "area:Kylä", List.of("Kirjastojen yhdistäminen")));
        assertThat(findings.toString()).doesNotContain("Vanha päätös");
    }

    @Test
    void theDiaryNumberFormatIsSetOnTheTemplatePageRefusedWhenInvalidAndChecksNewCases() {
        Org org = fixtures.organisation("diar" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        int before = templates.latest(org.id()).version();
        WebSession.Response invalid = coordinator.post(
                "/impact/templates", java.util.Map.of("diaryPattern", "([", "basedOn", Integer.toString(before)));
        assertThat(invalid.status()).isEqualTo(302);
        assertThat(coordinator.get("/impact/templates").body())
                .contains("Diaarinumeron muoto ei ole kelvollinen säännöllinen lauseke.");
        assertThat(templates.latest(org.id()).version()).isEqualTo(before);
        coordinator.post(
                "/impact/templates",
                java.util.Map.of("diaryPattern", "[A-Z]+/\\d+/\\d{4}", "basedOn", Integer.toString(before)));
        assertThat(templates.latest(org.id()).content().diaryPattern()).isEqualTo("[A-Z]+/\\d+/\\d{4}");
        assertThat(coordinator.get("/impact/templates").body()).contains("[A-Z]+/\\d+/\\d{4}");
        String me = coordinator.get("/impact/cases/new").body();
        assertThat(me).contains("name=\"diaryNumber\"");
        UUID preparer = jdbc.sql("select id from app_user where username = ?")
                .param(org.user(Role.COORDINATOR))
                .query(UUID.class)
                .single();
        WebSession.Response refused = coordinator.post(
                "/impact/cases/new",
                java.util.Map.of(
                        "titleFi",
                        "Väärä numero",
                        "bodyId",
                        body.toString(),
                        "preparers",
                        preparer.toString(),
                        "diaryNumber",
                        "12-2026"));
        assertThat(refused.body()).contains("Diaarinumero ei ole organisaation muodossa");
        WebSession.Response created = coordinator.post(
                "/impact/cases/new",
                java.util.Map.of(
                        "titleFi",
                        "Oikea numero",
                        "bodyId",
                        body.toString(),
                        "preparers",
                        preparer.toString(),
                        "diaryNumber",
                        "D/12/2026"));
        assertThat(created.status()).isEqualTo(302);
    }

    private String listed(WebSession session, String query) {
        WebSession.Response response = session.get("/impact/decisions" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(query).isEqualTo(200);
        return response.body();
    }

    private void withAreas(Org org) {
        TemplateContent latest = templates.latest(org.id()).content();
        templates.saveNew(
                org.tenant(),
                1,
                latest.withThresholds(
                        latest.shareThreshold(),
                        latest.eurosThreshold(),
                        latest.accumulationMonths(),
                        List.of(LocalizedText.of("Keskusta", "Centrum"), LocalizedText.of("Kylä", "Byn")),
                        null),
                "alueet");
    }

    private UUID create(Org org, String title, UUID body, UUID sector) {
        return DraftCases.draft(preparation, org.tenant(), title, body, sector);
    }

    /** A case made as the page makes it, then decided on the day with the proposal chosen. */
    private UUID decided(Org org, String title, UUID body, UUID sector, LocalDate on, String area) {
        UUID id = create(org, title, body, sector);
        jdbc.sql("update impact_case set status = 'DECIDED', decided_on = ?, decided_body_id = ?, need = 'REQUIRED',"
                        + " frozen_at = ?, screening = cast(? as jsonb),"
                        + " chosen_alternative = (select id from impact_alternative where case_id = ? and kind = 'PROPOSAL')"
                        + " where id = ?")
                .params(
                        java.sql.Date.valueOf(on),
                        body,
                        java.sql.Timestamp.valueOf(on.minusDays(7).atStartOfDay()),
                        "{\"answered\": true, \"areas\": [\"" + area + "\"]}",
                        id,
                        id)
                .update();
        return id;
    }

    private void share(UUID id, String need, LocalDate frozen, String needs) {
        jdbc.sql("update impact_case set need = ?, frozen_at = ?, needs = cast(? as jsonb) where id = ?")
                .params(need, frozen == null ? null : java.sql.Timestamp.valueOf(frozen.atStartOfDay()), needs, id)
                .update();
    }

    private void cell(Org org, UUID caseId, String row, String term, String direction) {
        jdbc.sql(
                        "insert into impact_cell (id, organisation_id, case_id, alternative_id, row_key, term, direction)"
                                + " select ?, ?, ?, id, ?, ?, ? from impact_alternative where case_id = ? and kind = 'PROPOSAL'")
                .params(UUID.randomUUID(), org.id().value(), caseId, row, term, direction, caseId)
                .update();
    }

    private void followUp(Org org, UUID caseId, UUID goal, String expected, String outcome) {
        jdbc.sql("insert into impact_follow_up (id, organisation_id, case_id, what, expected, goal_id, outcome)"
                        + " values (?, ?, ?, 'Koulumatkat', ?, ?, ?)")
                .params(UUID.randomUUID(), org.id().value(), caseId, expected, goal, outcome)
                .update();
    }

    private UUID goal(Org org) {
        int year = LocalDate.now().getYear();
        return plans.goalInNewPlan(org, "Suunnitelma", year - 1, year + 2, "Linjaus", "Lasten arki sujuu");
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
