package fi.hyte.impact;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.impact.domain.CaseStatus;
import fi.hyte.impact.domain.DecisionCase;
import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.impact.domain.Need;
import fi.hyte.impact.domain.Screening;
import fi.hyte.impact.domain.TemplateContent;
import fi.hyte.impact.domain.Templates;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.plan.PlanCatalog;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserAccounts;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.Pdfs;
import fi.hyte.support.PlanFixtures;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** A decision case from draft to follow-up over real HTTP on PostgreSQL, with the page's bad-input answers. */
@HyteSpringTest
class ImpactTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Templates templates;

    @Autowired
    DecisionCases cases;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PlanFixtures plans;

    @Autowired
    PlanCatalog planCatalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void screeningRulesSayRequiredAndNameTheRulesThatFired() {
        TemplateContent defaults = templates.defaults();
        Screening euros = new Screening(
                true, BigDecimal.valueOf(2), BigDecimal.valueOf(150_000), Set.of(), null, List.of(), List.of());
        assertThat(euros.evaluate(defaults).need()).isEqualTo(Need.REQUIRED);
        assertThat(euros.evaluate(defaults).fired()).containsExactly("euros");
        Screening staffOnly =
                new Screening(true, BigDecimal.ONE, BigDecimal.TEN, Set.of("staff"), null, List.of(), List.of());
        assertThat(staffOnly.evaluate(defaults).need()).isEqualTo(Need.RECOMMENDED);
        Screening small = new Screening(
                true, BigDecimal.valueOf(9.9), BigDecimal.valueOf(99_999), Set.of(), null, List.of(), List.of());
        assertThat(small.evaluate(defaults).need()).isEqualTo(Need.NOT_REQUIRED);
        assertThat(small.evaluate(defaults).fired()).isEmpty();
        Screening network = new Screening(true, null, null, Set.of("network"), null, List.of(), List.of());
        assertThat(network.evaluate(defaults).hearingRequired()).isTrue();
        Screening post = new Screening(
                true,
                BigDecimal.valueOf(50),
                BigDecimal.valueOf(1_000_000),
                Set.of("network"),
                "post",
                List.of(),
                List.of());
        assertThat(post.evaluate(defaults).need()).isEqualTo(Need.NOT_REQUIRED);
        assertThat(post.evaluate(defaults).exclusion()).isEqualTo("post");
        assertThat(Screening.none().evaluate(defaults)).isNull();
        assertThat(defaults.sources()).isNotEmpty();
        assertThat(defaults.rows())
                .extracting(TemplateContent.Row::key)
                .contains("children", "women", "men", "environment", "economy", "staff");
    }

    @Test
    void badCaseInputIsRefusedInTheUsersLanguageAndNothingIsSaved() {
        Org org = fixtures.organisation("eva" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response empty = coordinator.post(
                "/impact/cases/new",
                Map.of("titleFi", "", "caseUrl", "ftp://x", "startsOn", "2026-05-01", "meetingOn", "2026-04-01"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body())
                .contains("Tämä tieto on pakollinen.")
                .contains("Valitse päättävä toimielin")
                .contains("Valitse vähintään yksi valmistelija.")
                .contains("Anna linkki, joka alkaa http:// tai https://.")
                .contains("Kokouspäivä ei voi olla ennen valmistelun alkua.");
        coordinator.get("/impact?lang=sv");
        Response swedish = coordinator.post("/impact/cases/new", Map.of("titleFi", ""));
        assertThat(swedish.body()).contains("Välj beslutande organ");
        coordinator.get("/impact?lang=fi");
        assertThat(cases.of(org.id())).isEmpty();

        String me =
                accounts.find(org.user(Role.COORDINATOR)).orElseThrow().value().toString();
        Response created = coordinator.post(
                "/impact/cases/new",
                Map.of(
                        "titleFi",
                        "Kirjaston aukioloajat",
                        "bodyId",
                        body.toString(),
                        "preparers",
                        me,
                        "diaryNumber",
                        "D/1/2026",
                        "startsOn",
                        "2026-01-10",
                        "meetingOn",
                        "2026-03-01"));
        assertThat(created.status()).isEqualTo(302);
        coordinator.get(created.location().replaceAll("^https?://[^/]+", ""));
        Response duplicate = coordinator.post(
                "/impact/cases/new",
                Map.of("titleFi", "Toinen", "bodyId", body.toString(), "preparers", me, "diaryNumber", "d/1/2026"));
        assertThat(duplicate.body())
                .contains("Diaarinumero on jo toisen asian käytössä.")
                .contains("Kirjaston aukioloajat");
        assertThat(cases.of(org.id())).hasSize(1);

        String url = created.location().replaceAll("^https?://[^/]+", "");
        DecisionCase c = cases.of(org.id()).get(0);
        Response share =
                coordinator.post(url + "/screening", Map.of("sharePercent", "150", "euros", "-5", "version", "0"));
        assertThat(coordinator.get(url).body())
                .contains("Anna osuus prosentteina väliltä 0–100.")
                .contains("Euromäärä ei voi olla negatiivinen.");
        assertThat(share.status()).isEqualTo(302);
        assertThat(cases.find(org.id(), c.id()).orElseThrow().screening().answered())
                .isFalse();
        Response cost = coordinator.post(url + "/alternatives", Map.of("nameFi", "Lyhennetyt ajat", "cost", "-100"));
        assertThat(cost.body()).contains("Euromäärä ei voi olla negatiivinen.");
        assertThat(cases.alternatives(org.id(), c.id())).hasSize(2);
    }

    @Test
    void caseGoesFromDraftThroughFreezingReopeningAndDecisionToFollowUpInThePlan() throws Exception {
        Org org = fixtures.organisation("kulku" + suffix());
        UUID body = fixtures.body(org, BodyType.COUNCIL, "Valtuusto");
        UUID goal = goal(org);
        UUID editorId = accounts.find(org.user(Role.EDITOR)).orElseThrow().value();
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response created = coordinator.post(
                "/impact/cases/new",
                Map.of(
                        "titleFi",
                        "Kyläkoulun lakkauttaminen",
                        "bodyId",
                        body.toString(),
                        "preparers",
                        editorId.toString(),
                        "startsOn",
                        "2026-01-10",
                        "meetingOn",
                        "2026-06-01"));
        String url = created.location().replaceAll("^https?://[^/]+", "");
        UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));

        WebSession viewer = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        assertThat(viewer.get(url).body()).contains("Kyläkoulun lakkauttaminen").doesNotContain("Aloita arviointi");
        assertThat(viewer.post(url + "/state", Map.of("action", "start", "version", "0"))
                        .status())
                .isEqualTo(403);
        WebSession editor = WebSession.signedIn(port, org.user(Role.EDITOR), Fixtures.PASSWORD);
        assertThat(go(editor, url + "/state", Map.of("action", "start", "version", "0"))
                        .status())
                .isEqualTo(200);
        assertThat(status(org, id)).isEqualTo(CaseStatus.ASSESSING);

        Response refused = go(editor, url + "/state", Map.of("action", "freeze", "version", "1"));
        assertThat(refused.body())
                .contains("Muutosta ei tehty")
                .contains("Tarveharkinnan kysymyksiin ei ole vastattu.")
                .contains("Päätösehdotuksen kaikkia rivejä ei ole arvioitu")
                .contains("Sukupuolivaikutusten tarvetestiin")
                .contains("Lapsivaikutusten tarvetestiin");
        assertThat(status(org, id)).isEqualTo(CaseStatus.ASSESSING);

        go(
                editor,
                url + "/screening",
                Map.of(
                        "sharePercent",
                        "3",
                        "euros",
                        "400 000",
                        "yes",
                        "network",
                        "groups",
                        "children",
                        "version",
                        "1"));
        assertThat(cases.find(org.id(), id).orElseThrow().need()).isEqualTo(Need.REQUIRED);
        go(
                editor,
                url + "/needs",
                Map.of(
                        "concernsPeople",
                        "true",
                        "gendersDiffer",
                        "false",
                        "concernsChildren",
                        "true",
                        "genderResources",
                        "Koulumatkat pitenevät tytöillä ja pojilla yhtä paljon.",
                        "childHearing",
                        "Oppilaskunta ja nuorisovaltuusto kuultiin.",
                        "childBestInterest",
                        "Lähikoulu turvaa lyhyet matkat; yhdistetty koulu laajemman opetuksen.",
                        "version",
                        "2"));

        TemplateContent template = templates.latest(org.id()).content();
        var alternatives = cases.alternatives(org.id(), id);
        UUID proposal = alternatives.get(0).id();
        for (var alternative : alternatives) {
            for (TemplateContent.Row row : template.rows()) {
                for (String term : List.of("SHORT", "LONG")) {
                    boolean negative =
                            alternative.id().equals(proposal) && row.key().equals("children");
                    Response saved = editor.postRawHtmx(
                            url + "/cell",
                            Map.of(
                                    "alternative",
                                    alternative.id().toString(),
                                    "row",
                                    row.key(),
                                    "term",
                                    term,
                                    "direction",
                                    negative ? "NEGATIVE" : "NONE",
                                    "magnitude",
                                    negative ? "LARGE" : "",
                                    "reasoning",
                                    negative ? "Koulumatka pitenee." : "",
                                    "mitigation",
                                    negative ? "Koulukuljetus järjestetään." : "",
                                    "version",
                                    "-1"));
                    assertThat(saved.status()).as(row.key()).isEqualTo(200);
                    assertThat(saved.body())
                            .as(row.key())
                            .contains(negative ? "Kielteinen" : "Ei vaikutusta")
                            .doesNotContain("<html");
                }
            }
        }
        String cell = url + "/cell?alternative=" + proposal + "&row=children&term=SHORT";
        assertThat(editor.getHtmx(cell).body()).contains("Koulumatka pitenee.").doesNotContain("<html");
        Response stale = editor.postRawHtmx(
                url + "/cell",
                Map.of(
                        "alternative",
                        proposal.toString(),
                        "row",
                        "children",
                        "term",
                        "SHORT",
                        "direction",
                        "POSITIVE",
                        "version",
                        "-1"));
        assertThat(stale.body()).contains("Joku muu muutti näitä tietoja").contains("Koulumatka pitenee.");
        assertThat(editor.get(url + "/matrix?rows=impacts").body())
                .contains("Lapset")
                .doesNotContain("Ikääntyneet");
        assertThat(editor.get(url).body())
                .contains("Lapset: suuri vaikutus ilman tietopohjaa.")
                .contains("Lapset: kielteinen vaikutus, mutta ryhmää ei ole kuultu.");

        Response noHearing = go(editor, url + "/state", Map.of("action", "freeze", "version", "3"));
        assertThat(editor.get(url).body()).contains("Säännön mukaan asiassa on kuultava");
        assertThat(noHearing.status()).isEqualTo(200);
        Response badHearing = go(
                editor,
                url + "/hearings",
                Map.of("who", "YOUTH_COUNCIL", "participants", "-3", "url", "javascript:alert(1)"));
        assertThat(badHearing.body())
                .contains("Anna osallistujien määrä kokonaislukuna.")
                .contains("Anna linkki, joka alkaa http:// tai https://.");
        go(
                editor,
                url + "/hearings",
                Map.of(
                        "who",
                        "YOUTH_COUNCIL",
                        "heldOn",
                        "2026-02-01",
                        "method",
                        "Työpaja",
                        "participants",
                        "14",
                        "said",
                        "Matka huolettaa.",
                        "done",
                        "Kuljetus lisättiin.",
                        "url",
                        "https://www.otakantaa.fi/fi/hankkeet/1/"));
        assertThat(editor.get(url).body()).doesNotContain("ryhmää ei ole kuultu");
        go(editor, url + "/state", Map.of("action", "freeze", "version", "3"));
        assertThat(status(org, id)).isEqualTo(CaseStatus.READY);
        Response frozenCell = go(
                editor,
                url + "/cell",
                Map.of(
                        "alternative",
                        proposal.toString(),
                        "row",
                        "children",
                        "term",
                        "SHORT",
                        "direction",
                        "POSITIVE",
                        "version",
                        "0"));
        assertThat(frozenCell.body()).contains("Arviointi on lukittu");

        go(editor, url + "/state", Map.of("action", "reopen", "reason", "", "version", "4"));
        assertThat(status(org, id)).isEqualTo(CaseStatus.READY);
        go(
                editor,
                url + "/state",
                Map.of("action", "reopen", "reason", "Lautakunta pyysi kolmannen vaihtoehdon.", "version", "4"));
        assertThat(status(org, id)).isEqualTo(CaseStatus.ASSESSING);
        assertThat(editor.get(url + "/frozen?number=1").body())
                .contains("Lautakunta pyysi kolmannen vaihtoehdon.")
                .contains("Koulumatka pitenee.");
        go(editor, url + "/state", Map.of("action", "freeze", "version", "5"));
        assertThat(status(org, id)).isEqualTo(CaseStatus.READY);

        Response decided = go(
                editor,
                url + "/decision",
                Map.of(
                        "bodyId",
                        body.toString(),
                        "decidedOn",
                        "2026-06-01",
                        "paragraph",
                        "§ 45",
                        "alternative",
                        proposal.toString(),
                        "minutesUrl",
                        "https://example.org/poytakirja",
                        "version",
                        "6"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(status(org, id)).isEqualTo(CaseStatus.DECIDED);
        Map<String, String> followUpForm = Map.of(
                "what",
                "Koulumatkojen pituus",
                "expected",
                "MAINTAIN",
                "dueOn",
                "2027-06-01",
                "goalId",
                goal.toString(),
                "intoPlan",
                "true");
        Response planRefused = go(editor, url + "/follow-up", followUpForm);
        assertThat(planRefused.body()).contains("Suunnitelman sääntöjen mukaan");
        assertThat(cases.followUps(org.id(), id)).isEmpty();
        go(coordinator, url + "/follow-up", followUpForm);
        var followUp = cases.followUps(org.id(), id);
        assertThat(followUp).hasSize(1);
        assertThat(followUp.get(0).measureRef()).startsWith("TP-");
        var plan = planCatalog.plans(org.id()).get(0);
        assertThat(planCatalog
                        .content(org.id(), plan.id())
                        .orElseThrow()
                        .lines()
                        .get(0)
                        .goals()
                        .get(0)
                        .measures())
                .anyMatch(m -> m.title().fi().startsWith("Koulumatkojen pituus"));

        Response pdf = editor.get(url + "/export.pdf?lang=sv", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        Response docx = editor.get(url + "/export.docx?lang=fi", "*/*");
        assertThat(docx.body()).startsWith("PK");
        for (String lang : List.of("fi", "sv")) {
            HttpResponse<byte[]> tagged = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + url + "/export.pdf?lang=" + lang))
                                    .header("Cookie", "SESSION=" + editor.cookie("SESSION"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tagged.statusCode()).isEqualTo(200);
            assertThat(Pdfs.failedRules(tagged.body(), PDFAFlavour.PDFUA_1))
                    .as("veraPDF PDF/UA-1, " + lang)
                    .isEmpty();
        }

        String summary = editor.get(url).body();
        assertThat(summary)
                .contains("Vertailtiin vaihtoehtoja")
                .contains("Kuultiin: Nuorisovaltuusto (14)")
                .contains("Koulukuljetus järjestetään.");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ?")
                        .param(id.toString())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and entity_type = 'impactCell'")
                        .param(org.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(template.rows().size() * 4L);
    }

    @Test
    void apiOpensCasesAndGivesTheSummaryWithRefusalsInTheCallersLanguage() throws Exception {
        Org org = fixtures.organisation("api" + suffix());
        UUID body = fixtures.body(org, BodyType.BOARD, "Kunnanhallitus");
        WebSession coordinator = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Matcher token = Pattern.compile("hyte_[A-Za-z0-9_-]{43}")
                .matcher(coordinator
                        .post("/account/tokens", Map.of("name", "Asianhallinta"))
                        .body());
        assertThat(token.find()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> invalid = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decision-cases"))
                        .header("Authorization", "Bearer " + token.group())
                        .header("Accept-Language", "sv")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"titleFi\": \"\", \"caseUrl\": \"file:///etc\", \"meetingOn\": \"ei päivä\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body())
                .contains("Välj beslutande organ")
                .contains("http://")
                .contains("\"field\":\"meetingOn\"");
        HttpResponse<String> malformed = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decision-cases"))
                        .header("Authorization", "Bearer " + token.group())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{titleFi"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(cases.of(org.id())).isEmpty();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decision-cases"))
                        .header("Authorization", "Bearer " + token.group())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"titleFi\": \"Uimahallin maksut\", \"titleSv\": \"Simhallens avgifter\", \"bodyId\": \""
                                        + body + "\", \"diaryNumber\": \"KH/9/2026\", \"meetingOn\": \"2026-09-01\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        UUID id = cases.of(org.id()).get(0).id();
        assertThat(created.body()).contains(id.toString());
        HttpResponse<String> twice = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decision-cases"))
                        .header("Authorization", "Bearer " + token.group())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"titleFi\": \"Toinen\", \"bodyId\": \"" + body
                                + "\", \"diaryNumber\": \"kh/9/2026\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains(id.toString());
        HttpResponse<String> summary = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/decision-cases/" + id + "/summary?lang=sv"))
                        .header("Authorization", "Bearer " + token.group())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body())
                .contains("Simhallens avgifter")
                .contains("Behovet av bedömning har inte prövats ännu.");
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decision-cases/"
                                + UUID.randomUUID() + "/summary"))
                        .header("Authorization", "Bearer " + token.group())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    /** Posts a form and, when it redirects, opens the page it leads to (showing the flash message). */
    private static Response go(WebSession session, String path, Map<String, String> form) {
        Response response = session.post(path, form);
        if (response.status() != 302) {
            return response;
        }
        return session.get(response.location().replaceAll("^https?://[^/]+", "").replaceAll("#.*$", ""));
    }

    private CaseStatus status(Org org, UUID id) {
        return cases.find(org.id(), id).orElseThrow().status();
    }

    private UUID goal(Org org) {
        int year = LocalDate.now().getYear();
        return plans.goalInNewPlan(org, "Suunnitelma", year - 1, year + 2, "Linjaus", "Lasten arki sujuu");
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
