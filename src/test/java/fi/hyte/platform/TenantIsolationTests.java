package fi.hyte.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.indicator.domain.AgeGroup;
import fi.hyte.indicator.domain.Comparisons;
import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.IndicatorSets;
import fi.hyte.indicator.domain.Theme;
import fi.hyte.maturity.domain.Assessments;
import fi.hyte.maturity.domain.MaturityModels;
import fi.hyte.maturity.domain.Rounds;
import fi.hyte.organisation.domain.BodyType;
import fi.hyte.organisation.domain.MemberRole;
import fi.hyte.organisation.domain.OrganisationStructure;
import fi.hyte.organisation.domain.Responsibility;
import fi.hyte.organisation.domain.ResponsibilityKind;
import fi.hyte.plan.domain.Evaluation;
import fi.hyte.plan.domain.Goal;
import fi.hyte.plan.domain.GoalIndicator;
import fi.hyte.plan.domain.Measure;
import fi.hyte.plan.domain.MeasureStatus;
import fi.hyte.plan.domain.Plan;
import fi.hyte.plan.domain.PlanEditing;
import fi.hyte.plan.domain.PlanReading;
import fi.hyte.plan.domain.Realisation;
import fi.hyte.plan.domain.TargetDirection;
import fi.hyte.platform.security.Users;
import fi.hyte.support.Fixtures;
import fi.hyte.support.Fixtures.Org;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A user of one organisation can never read or change another's data, through any endpoint: every
 * mapped URL is called with the other organisation's ids, and must answer 404 and change nothing.
 */
@HyteSpringTest
class TenantIsolationTests {

    /** Tenant-owned tables whose rows must stay exactly as they were. */
    static final List<String> TABLES = List.of(
            "report",
            "report_section",
            "report_image",
            "sector",
            "person",
            "body",
            "body_member",
            "responsibility",
            "maturity_round",
            "maturity_participant",
            "maturity_action",
            "plan",
            "plan_dimension",
            "policy_line",
            "goal",
            "goal_indicator",
            "measure",
            "evaluation",
            "impact_case",
            "impact_alternative",
            "impact_cell",
            "impact_hearing",
            "impact_follow_up",
            "impact_frozen",
            "consultation",
            "consultation_response",
            "council_statement",
            "measure_feedback",
            "joy_collection",
            "joy_item",
            "participation_theme",
            "participation_outcome");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    PlanEditing planEditing;

    @Autowired
    fi.hyte.support.PlanFixtures plans;

    @Autowired
    PlanReading planReading;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Assessments assessments;

    @Autowired
    Rounds rounds;

    @Autowired
    Imports imports;

    @Autowired
    IndicatorSets sets;

    @Autowired
    Comparisons comparisons;

    @Autowired
    fi.hyte.report.domain.ReportWork reportWork;

    @Autowired
    fi.hyte.report.domain.Reports reports;

    @Autowired
    fi.hyte.report.domain.SectionImageWork sectionImages;

    @Autowired
    fi.hyte.platform.mail.Outbox outbox;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    fi.hyte.impact.domain.Preparation impactPreparation;

    @Autowired
    fi.hyte.participation.domain.Publishing publishing;

    @Autowired
    fi.hyte.participation.domain.ConsultationSetup consultationSetup;

    @Autowired
    fi.hyte.participation.domain.JoysAndWorries joys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Org own;
    Org other;
    Map<String, String> otherIds;
    String otherSlug;
    String ownSlug;
    String ownToken;
    final HttpClient http = HttpClient.newHttpClient();

    /** Path variables that are numbers (indicator and region ids), not UUIDs. */
    static final Set<String> NUMERIC =
            Set.of("indicators", "set", "comparisons", "openIndicators", "participation-indicators");

    @BeforeEach
    void twoOrganisations() {
        String suffix = Long.toString(System.nanoTime(), 36);
        own = fixtures.organisation("oma" + suffix);
        other = fixtures.organisation("vieras" + suffix);
        UUID sector = fixtures.sector(other, "Vieras toimiala " + suffix);
        UUID person = fixtures.person(other, "Vieras Henkilö " + suffix, sector);
        UUID body = fixtures.body(other, BodyType.WELLBEING_GROUP, "Vieras ryhmä " + suffix);
        UUID member = structure
                .addMember(other.tenant(), body, person, MemberRole.CHAIR)
                .orElseThrow();
        UUID responsibility = structure.saveResponsibility(
                other.tenant(),
                new Responsibility(null, ResponsibilityKind.COORDINATOR, person, null, LocalizedText.of("x", null), 0));
        UUID user = users.idOf(other.user(Role.VIEWER)).orElseThrow().value();
        UUID round = assessments.open(
                other.tenant(),
                MaturityModels.PROMEQ,
                "Vieras arvio " + suffix,
                LocalDate.now(),
                null,
                false,
                List.of(new Assessments.Invitee("Vieras Vastaaja", null)));
        UUID participant = rounds.participants(other.id(), round).get(0).id();
        UUID action = assessments.addAction(other.tenant(), round, "goals", "Vieras toimi", null, null);
        WebSession.signedIn(port, other.user(Role.VIEWER), Fixtures.PASSWORD)
                .post("/account/tokens", Map.of("name", "Vieras avain " + suffix));
        UUID token = jdbc.sql("select id from api_token where user_id = ?")
                .param(user)
                .query(UUID.class)
                .single();
        Tenant otherCoordinator = new Tenant(
                other.id(), users.idOf(other.user(Role.COORDINATOR)).orElseThrow(), "vieras", Role.COORDINATOR, false);
        var imported = imports.importNow(
                otherCoordinator,
                "vieras.csv",
                ("tunnus;nimi;alue;vuosi;arvo\nvieras-mittari;Vieras mittari " + suffix + ";092;2024;1,5\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.problems()).isEmpty();
        int localIndicator = jdbc.sql("select id from indicator where organisation_id = ?")
                .param(other.id().value())
                .query(Integer.class)
                .single();
        sets.put(other.id(), localIndicator, AgeGroup.YOUNG, Theme.OTHER);
        int peer = 5; // Sotkanet's region id of a municipality (Alavus)
        comparisons.addPeer(other.id(), peer);
        UUID upload = imports.upload(
                otherCoordinator,
                "vieras.csv",
                "tunnus;nimi;alue;vuosi;arvo\nvieras-mittari;Vieras;092;2025;2\n".getBytes(StandardCharsets.UTF_8));
        UUID job = jdbc.sql("select check_job from indicator_upload where id = ?")
                .param(upload)
                .query(UUID.class)
                .single();
        WebSession ownAdmin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        Matcher created = Pattern.compile("hyte_[A-Za-z0-9_-]{43}")
                .matcher(ownAdmin.post("/account/tokens", Map.of("name", "Oma avain " + suffix))
                        .body());
        assertThat(created.find()).isTrue();
        ownToken = created.group();
        Plan otherPlan = plans.plan(other, "Vieras suunnitelma " + suffix, 2025, 2028);
        UUID otherLine = plans.line(other, otherPlan, "Vieras linjaus");
        UUID otherGoal = planEditing.saveGoal(
                other.tenant(),
                new Goal(
                        null,
                        null,
                        otherLine,
                        0,
                        0,
                        LocalizedText.of("Vieras tavoite", null),
                        LocalizedText.of(null, null),
                        List.of(),
                        List.of(),
                        null,
                        person,
                        null,
                        0,
                        null,
                        null));
        UUID otherTarget = planEditing.saveGoalIndicator(
                other.tenant(),
                new GoalIndicator(
                        null,
                        otherGoal,
                        localIndicator,
                        "total",
                        2024,
                        BigDecimal.ONE,
                        BigDecimal.TEN,
                        2028,
                        TargetDirection.INCREASE,
                        0),
                0);
        UUID otherMeasure = planEditing.saveMeasure(
                other.tenant(),
                new Measure(
                        null,
                        null,
                        otherGoal,
                        0,
                        0,
                        LocalizedText.of("Vieras toimenpide", null),
                        LocalizedText.of(null, null),
                        sector,
                        person,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        MeasureStatus.ONGOING,
                        10,
                        0,
                        null,
                        null));
        planEditing.saveEvaluation(
                other.tenant(),
                new Evaluation(
                        null, null, otherMeasure, 2025, Realisation.YES, "Vieras arvio", null, null, -1, null, null));
        UUID otherDimension = planReading.dimensions(other.id()).get(0).id();
        UUID otherReport = reportWork.start(
                other.tenant(),
                new fi.hyte.report.domain.ReportWork.NewReport(
                        fi.hyte.report.domain.ReportKind.ANNUAL,
                        LocalizedText.of("Vieras kertomus", null),
                        2025,
                        2025,
                        null,
                        false,
                        false));
        UUID otherSection = reports.sections(other.id(), otherReport).get(0).id();
        UUID otherBlock = reports.blocks(other.id(), otherReport).get(0).id();
        UUID otherComment =
                reportWork.comment(other.tenant(), otherReport, otherSection, null, null, "Vieras kommentti");
        UUID otherImage = sectionImages.upload(
                other.tenant(),
                otherReport,
                otherSection,
                fi.hyte.support.TestImages.png(40, 30),
                new fi.hyte.report.domain.SectionImageWork.ImageTexts(
                        LocalizedText.of("Vieras kuva", null), LocalizedText.of(null, null), null));
        UUID otherJoy = reportWork.addJoyWorry(
                other.tenant(),
                otherReport,
                fi.hyte.report.domain.JoyWorry.Kind.JOY,
                "Vieras toimiala",
                "Vieras ilonaihe",
                null,
                id -> false);
        UUID otherMail = otherMail(user, suffix);
        UUID otherCase = ImpactFixture.decisionCase(impactPreparation, other.tenant(), body, suffix);
        ImpactFixture.decided(jdbc, other.id(), otherCase, otherGoal);
        // The other organisation's public site: online, with its plan, 2025's evaluations, a key
        // indicator, a consultation and a collection published; the own site is online too, so an
        // other organisation's id under the own address can answer 404 for no reason but the tenant.
        otherSlug = "vieras-" + suffix;
        ownSlug = "oma-" + suffix;
        publishing.save(own.tenant(), fi.hyte.participation.TestSites.online(own.id(), ownSlug));
        publishing.save(
                other.tenant(),
                new fi.hyte.participation.domain.PublicSite(
                        other.id(),
                        otherSlug,
                        true,
                        false,
                        LocalizedText.of("Vieras yhteenveto", null),
                        LocalizedText.of("Vieras yhteys", null),
                        null,
                        null,
                        LocalizedText.of(null, null),
                        "PARTIAL",
                        LocalizedText.of(null, null),
                        "vieras@example.fi",
                        null,
                        0,
                        -1));
        publishing.publishPlan(other.tenant(), otherPlan.id(), LocalDate.now());
        publishing.publishEvaluations(other.tenant(), otherPlan.id(), 2025);
        publishing.addIndicator(other.tenant(), localIndicator);
        UUID otherConsultation = consultationSetup.create(
                other.tenant(),
                new fi.hyte.participation.domain.Consultation(
                        null,
                        other.id(),
                        null,
                        LocalizedText.of("Vieras kuuleminen", null),
                        LocalizedText.of("Vieras johdanto", null),
                        java.time.Instant.now().minusSeconds(3600),
                        java.time.Instant.now().plusSeconds(86_400),
                        "POST",
                        true,
                        List.of(),
                        0),
                List.of());
        consultationSetup.update(
                other.tenant(),
                new fi.hyte.participation.domain.Consultation(
                        otherConsultation,
                        other.id(),
                        null,
                        LocalizedText.of("Vieras kuuleminen", null),
                        LocalizedText.of("Vieras johdanto", null),
                        java.time.Instant.now().minusSeconds(3600),
                        java.time.Instant.now().plusSeconds(86_400),
                        "POST",
                        true,
                        List.of(),
                        0));
        // An answer and a feedback item of the other organisation, for moderation and the sectors' lists.
        UUID otherResponse = UUID.randomUUID();
        jdbc.sql("insert into consultation_response (id, organisation_id, consultation_id, status, content_hash) values"
                        + " (?, ?, ?, 'HELD', 'vieras')")
                .params(otherResponse, other.id().value(), otherConsultation)
                .update();
        UUID otherFeedback = UUID.randomUUID();
        jdbc.sql("insert into measure_feedback (id, organisation_id, plan_id, measure_ref, measure_title, text, status,"
                        + " content_hash) values (?, ?, ?, 'TP-1', 'Vieras toimenpide', 'Vieras palaute', 'HELD', 'v')")
                .params(otherFeedback, other.id().value(), otherPlan.id())
                .update();
        // The other organisation's joys-and-worries collection, with a workshop item and a theme.
        UUID otherJoys = joys.create(
                        other.tenant(),
                        LocalizedText.of("Vieras keräys", null),
                        LocalizedText.of(null, null),
                        java.time.Instant.now().minusSeconds(60),
                        null,
                        false)
                .id();
        joys.publish(other.tenant(), otherJoys, true, 0);
        joys.addWorkshopItem(other.tenant(), otherJoys, "JOY", "Vieras ilo", "Vieras työpaja", null, null, null);
        joys.addTheme(other.tenant(), otherJoys, "JOY", LocalizedText.of("Vieras teema", null), List.of());
        otherIds = new HashMap<>(Map.ofEntries(
                Map.entry("participation-moderation", otherResponse.toString()),
                Map.entry("participation-feedback", otherFeedback.toString()),
                Map.entry("sectors", sector.toString()),
                Map.entry("people", person.toString()),
                Map.entry("bodies", body.toString()),
                Map.entry("member", member.toString()),
                Map.entry("responsibilities", responsibility.toString()),
                Map.entry("users", user.toString()),
                Map.entry("maturity", round.toString()),
                Map.entry("participant", participant.toString()),
                Map.entry("action", action.toString()),
                Map.entry("account", token.toString()),
                Map.entry("indicators", Integer.toString(localIndicator)),
                Map.entry("openIndicators", Integer.toString(localIndicator)),
                Map.entry("set", Integer.toString(localIndicator)),
                Map.entry("comparisons", Integer.toString(peer)),
                Map.entry("imports", upload.toString()),
                Map.entry("jobs", job.toString()),
                Map.entry("plan", otherPlan.id().toString()),
                Map.entry("plan-lines", otherLine.toString()),
                Map.entry("plan-goals", otherGoal.toString()),
                Map.entry("plan-measures", otherMeasure.toString()),
                Map.entry("plan-dimensions", otherDimension.toString()),
                Map.entry("target", otherTarget.toString()),
                Map.entry("reports", otherReport.toString()),
                Map.entry("public", otherReport.toString()),
                Map.entry("report-section", otherSection.toString()),
                Map.entry("report-block", otherBlock.toString()),
                Map.entry("report-comment", otherComment.toString()),
                Map.entry("report-joy", otherJoy.toString()),
                Map.entry("report-image", otherImage.toString()),
                Map.entry("mail", otherMail.toString()),
                Map.entry("impact", otherCase.toString()),
                Map.entry("decision-cases", otherCase.toString()),
                Map.entry("o", otherSlug),
                Map.entry("participation-plans", otherPlan.id().toString()),
                Map.entry("participation-consultations", otherConsultation.toString()),
                Map.entry("participation-joys", otherJoys.toString()),
                Map.entry("participation-indicators", Integer.toString(localIndicator)),
                Map.entry("year", "2025")));
    }

    /** A message in the other organisation's outbox, for the administrators' mail pages. */
    private UUID otherMail(UUID user, String suffix) {
        jdbc.sql("update app_user set email = ? where id = ?")
                .params("vieras-" + suffix + "@vieras.test", user)
                .update();
        return new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> outbox.queue(new fi.hyte.platform.mail.Notice(
                                other.id(),
                                new UserId(user),
                                fi.hyte.platform.mail.MailKind.ANSWER_REQUESTED,
                                fi.hyte.platform.mail.MailLine.of(
                                        "maturitymail.request.subject", null, "Vieras arvio " + suffix),
                                List.of(),
                                "/maturity"))
                        .orElseThrow());
    }

    @Test
    void everyEndpointWithAnIdAnswers404ForAnotherOrganisationsRecords() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        String before = snapshot(other);
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().contains("{")) {
                continue;
            }
            if (refusedAsOperatorOnly(admin, endpoint)) {
                continue;
            }
            if (endpoint.path().startsWith("/o/")) {
                continue; // the public site, by the own address: publicAddressesAnswer404ForAnotherOrganisationsIds
            }
            String url = substitute(endpoint.path(), otherIds);
            Response response = url.startsWith("/api/")
                    ? api(endpoint.method(), url)
                    : endpoint.method() == RequestMethod.GET
                            ? admin.get(url)
                            : admin.post(url, hijackForm(endpoint.path()));
            assertThat(response.status()).as("%s %s", endpoint.method(), url).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Vieras");
            checked.add(endpoint.method() + " " + endpoint.path());
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
        assertThat(snapshot(other)).isEqualTo(before);
    }

    /**
     * Every public address that names a record by its id ({@code /o/{slug}/{lang}/…/{id}}), asked
     * under the own organisation's online site with the other organisation's published record: 404
     * and nothing of it, GET and POST alike (a resident has no session). The same record under its own
     * organisation's address answers 200, so the 404 is the tenant's and not a missing record's.
     */
    @Test
    void publicAddressesAnswer404ForAnotherOrganisationsIds() {
        WebSession resident = new WebSession(port);
        String before = snapshot(other);
        Map<String, String> ids = Map.of(
                "consultations", otherIds.get("participation-consultations"),
                "joys", otherIds.get("participation-joys"));
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path();
            if (!path.startsWith("/o/{slug}/{lang}/") || !path.contains("{id}")) {
                continue;
            }
            String kind = path.split("/")[4];
            String id = ids.get(kind);
            assertThat(id).as("test data for %s", path).isNotNull();
            String own = path.replace("{slug}", ownSlug).replace("{lang}", "fi").replace("{id}", id);
            Response response = endpoint.method() == RequestMethod.GET
                    ? resident.get(own)
                    : resident.post(own, Map.of("text", "Kaapattu", "kind", "JOY", "reason", "SPAM"));
            assertThat(response.status()).as("%s %s", endpoint.method(), own).isEqualTo(404);
            assertThat(response.body()).as("%s %s", endpoint.method(), own).doesNotContain("Vieras");
            checked.add(endpoint.method() + " " + path);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(5);
        for (String kind : ids.keySet()) {
            String theirs = "/o/" + otherSlug + "/fi/" + kind + "/" + ids.get(kind);
            assertThat(resident.get(theirs).status()).as(theirs).isEqualTo(200);
            assertThat(resident.get(theirs).body()).as(theirs).contains("Vieras");
        }
        assertThat(snapshot(other)).isEqualTo(before);
    }

    @Test
    void ownBodyWithAnotherOrganisationsMemberAnswers404() {
        UUID ownBody = fixtures.body(own, BodyType.COMMITTEE, "Oma lautakunta");
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        String before = snapshot(other);
        Response response =
                admin.post("/bodies/" + ownBody + "/members/" + otherIds.get("member") + "/remove", Map.of());
        assertThat(response.status()).isEqualTo(404);
        Response seat = admin.post(
                "/bodies/" + ownBody + "/members",
                Map.of("personId", otherIds.get("people").toString(), "role", "MEMBER"));
        assertThat(seat.status()).isEqualTo(200);
        assertThat(seat.body()).contains("Valitse henkilö luettelosta");
        assertThat(snapshot(other)).isEqualTo(before);
    }

    @Test
    void listsShowOnlyTheOwnOrganisation() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method() != RequestMethod.GET || endpoint.path().contains("{")) {
                continue;
            }
            Response response = admin.get(endpoint.path());
            assertThat(response.body())
                    .as(endpoint.path())
                    .doesNotContain("Vieras")
                    .doesNotContain(other.prefix());
        }
    }

    @Test
    void crossDecisionViewsShowNothingOfAnotherOrganisationsDecisions() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        Response byGoal = admin.get("/impact/decisions?goal=" + otherIds.get("plan-goals"));
        assertThat(byGoal.status()).isEqualTo(200);
        assertThat(byGoal.body()).doesNotContain("Vieras").contains("Valittua tavoitetta ei löytynyt");
        assertThat(admin.get("/impact/decisions?year=" + LocalDate.now().getYear())
                        .body())
                .doesNotContain("Vieras");
        assertThat(admin.get("/impact/share").body()).doesNotContain("Vieras");
        WebSession otherAdmin = WebSession.signedIn(port, other.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(otherAdmin.get("/impact/decisions").body()).contains("Vieras päätösasia");
    }

    @Test
    void aHearingCannotLinkAnotherOrganisationsConsultation() {
        UUID ownBody = fixtures.body(own, BodyType.COUNCIL, "Oma valtuusto");
        UUID ownCase = ImpactFixture.decisionCase(impactPreparation, own.tenant(), ownBody, "kuulo");
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        assertThat(admin.get("/impact/cases/" + ownCase).body()).doesNotContain("Vieras kuuleminen");
        Response refused = admin.post(
                "/impact/cases/" + ownCase + "/hearings",
                Map.of("who", "RESIDENTS", "consultation", otherIds.get("participation-consultations")));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Valinta ei ole luettelossa.").doesNotContain("Vieras kuuleminen");
        assertThat(jdbc.sql("select count(*) from impact_hearing where case_id = ?")
                        .param(ownCase)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anotherOrganisationsPlanCannotStartTheOwnNewPlan() {
        WebSession coordinator = WebSession.signedIn(port, own.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String url = "/plan/" + otherIds.get("plan") + "/copy";
        assertThat(coordinator.get(url).status()).isEqualTo(404);
        Response copy = coordinator.post(
                url, Map.of("titleFi", "Kaapattu", "firstYear", "2090", "lastYear", "2093", "copyMeasures", "true"));
        assertThat(copy.status()).isEqualTo(404);
        assertThat(copy.body()).doesNotContain("Vieras");
        assertThat(planReading.plans(own.id())).noneMatch(p -> p.firstYear() == 2090);
        assertThat(endpoints()).contains(new Endpoint(RequestMethod.POST, "/plan/{plan}/copy"));
    }

    @Test
    void switchingToAnOrganisationWithoutMembershipIsIgnored() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        admin.post("/organisation/switch", Map.of("organisation", other.id().toString()));
        assertThat(admin.get("/organisation").body()).contains(own.prefix()).doesNotContain(other.prefix());
    }

    @Test
    void unknownIdsAnswer404() {
        WebSession admin = WebSession.signedIn(port, own.user(Role.ADMIN), Fixtures.PASSWORD);
        Map<String, String> random = new HashMap<>();
        otherIds.keySet()
                .forEach(key -> random.put(
                        key,
                        NUMERIC.contains(key) ? "987654321" : UUID.randomUUID().toString()));
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method() == RequestMethod.GET
                    && endpoint.path().contains("{")
                    && !refusedAsOperatorOnly(admin, endpoint)) {
                String url = substitute(endpoint.path(), random);
                assertThat(
                                url.startsWith("/api/")
                                        ? api(RequestMethod.GET, url).status()
                                        : admin.get(url).status())
                        .as(endpoint.path())
                        .isEqualTo(404);
            }
        }
    }

    /**
     * The system operator's pages (e.g. the organisations' sign-in providers) are not an
     * organisation's: an organisation's administrator is refused them whatever the id (403).
     */
    private static boolean refusedAsOperatorOnly(WebSession admin, Endpoint endpoint) {
        if (!endpoint.path().startsWith("/operator/")) {
            return false;
        }
        String url = endpoint.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        Response response =
                endpoint.method() == RequestMethod.GET ? admin.get(url) : admin.post(url, hijackForm(endpoint.path()));
        assertThat(response.status()).as("%s %s", endpoint.method(), url).isEqualTo(403);
        return true;
    }

    /** A valid-looking form, so that only the foreign id can be the reason for a refusal. */
    static Map<String, String> hijackForm(String path) {
        return Map.ofEntries(
                Map.entry("version", "0"),
                Map.entry("role", path.startsWith("/admin/users") ? "VIEWER" : "MEMBER"),
                Map.entry("nameFi", "Kaapattu"),
                Map.entry("name", "Kaapattu"),
                Map.entry("type", "COMMITTEE"),
                Map.entry("kind", "OTHER"),
                Map.entry("affiliation", "STAFF"),
                Map.entry("position", "1"),
                Map.entry("personId", UUID.randomUUID().toString()),
                Map.entry("done", "true"),
                Map.entry("criterion", "goals"),
                Map.entry("titleFi", "Kaapattu"),
                Map.entry("realised", "YES"),
                Map.entry("status", "DONE"),
                Map.entry("progress", "100"),
                Map.entry("firstYear", "2025"),
                Map.entry("lastYear", "2028"),
                Map.entry("goalVersion", "0"));
    }

    /** Every mapped URL of Hyte's own controllers, with the methods it answers. */
    List<Endpoint> endpoints() {
        Set<Endpoint> all = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            String handler = entry.getValue().toString();
            if (!handler.startsWith("fi.hyte")) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new Endpoint(method, path));
                }
            }
        }
        return List.copyOf(all);
    }

    static String substitute(String pattern, Map<String, String> ids) {
        String[] parts = pattern.split("/");
        String section = parts[1];
        if (section.equals("admin")) {
            section = parts[2];
        } else if (section.equals("api")) {
            section = parts[3].equals("indicators") ? "openIndicators" : parts[3];
        } else if (section.equals("indicators") && !parts[2].startsWith("{")) {
            section = parts[2];
        } else if (section.equals("plan") && !parts[2].startsWith("{")) {
            section = "plan-" + parts[2];
        } else if (section.equals("participation")) {
            section = "participation-" + parts[2];
        }
        String main = ids.get(section);
        if (main == null) {
            throw new AssertionError("No test data for the URL " + pattern + ": add it to this test");
        }
        return pattern.replace("{id}", main)
                .replace("{region}", main)
                .replace("{member}", ids.get("member").toString())
                .replace("{participant}", ids.get("participant").toString())
                .replace("{action}", ids.get("action").toString())
                .replace("{plan}", main)
                .replace("{line}", main)
                .replace("{goal}", main)
                .replace("{target}", ids.get("target"))
                .replace("{year}", ids.get("year"))
                .replace("{sector}", ids.get("sectors"))
                .replace("{section}", ids.get("report-section"))
                .replace("{block}", ids.get("report-block"))
                .replace("{comment}", ids.get("report-comment"))
                .replace("{joy}", ids.get("report-joy"))
                .replace("{image}", ids.get("report-image"))
                .replace("{item}", "state.neet-17-24")
                .replace("{n}", "1")
                .replace("{lang}", "fi")
                .replace("{format}", "pdf")
                .replace("{slug}", main)
                .replace("{token}", "a".repeat(43))
                .replace("{ref}", "TP-1")
                .replace("{indicator}", main);
    }

    /** Rows of the organisation's tenant-owned tables with their versions, as text. */
    String snapshot(Org org) {
        StringBuilder state = new StringBuilder();
        for (String table : TABLES) {
            state.append(table)
                    .append(jdbc.sql("select coalesce(string_agg(id || ':' || version, ',' order by id), '') from "
                                    + table + " where organisation_id = ?")
                            .param(org.id().value())
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        state.append(jdbc.sql("select string_agg(user_id || ':' || role, ',' order by user_id) from membership"
                        + " where organisation_id = ?")
                .param(org.id().value())
                .query(String.class)
                .single());
        state.append('\n')
                .append(jdbc.sql("select string_agg(i.id || ':' || i.title_fi || ':' || v.year || ':' || v.value, ',')"
                                + " from indicator i left join indicator_value v on v.indicator_id = i.id"
                                + " where i.organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .append(jdbc.sql("select string_agg(indicator_id || ':' || age_group, ',') from indicator_set_item"
                                + " where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .append(jdbc.sql(
                                "select string_agg(region_id::text, ',') from comparison_region where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .append(jdbc.sql(
                                "select string_agg(id || ':' || (batch_id is null) || ':' || (import_job is null), ',')"
                                        + " from indicator_upload where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single());
        // The public site: its settings' and publications' versions, and what is published.
        state.append('\n')
                .append(jdbc.sql(
                                "select string_agg(slug || ':' || version || ':' || publication_version || ':' || online,"
                                        + " ',') || ':' || (select count(*) from public_plan where organisation_id = ?) || ':'"
                                        + " || (select count(*) from public_evaluations where organisation_id = ?) || ':' ||"
                                        + " (select count(*) from public_indicator where organisation_id = ?) from public_site"
                                        + " where organisation_id = ?")
                        .params(
                                org.id().value(),
                                org.id().value(),
                                org.id().value(),
                                org.id().value())
                        .query(String.class)
                        .single());
        // API tokens have no version: whether each is still valid is what another user must not change.
        state.append('\n')
                .append(jdbc.sql("select string_agg(id || ':' || (revoked_at is null), ',' order by id) from api_token"
                                + " where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single());
        return state.toString();
    }

    /** An API call with the own administrator's token, as automation would make it. */
    Response api(RequestMethod method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + ownToken)
                .method(method.name(), HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    "",
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Endpoint(RequestMethod method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (path + method).compareTo(other.path + other.method);
        }
    }
}
