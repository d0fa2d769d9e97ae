package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.domain.BodyType;
import fi.hyte.participation.domain.Consultation;
import fi.hyte.participation.domain.ConsultationSetup;
import fi.hyte.participation.domain.Consultations;
import fi.hyte.participation.domain.CouncilStatements;
import fi.hyte.participation.domain.Summaries;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A council's statement is an item of "you said, we did" like a comment: it must be answered before
 * the consultation is concluded, it counts in the answer rates (with the councils invited and heard,
 * and residents' feedback on measures), and the summary and its XLSX give it in full with its outcome.
 */
@HyteSpringTest
class StatementsInTheLoopTests {

    static final String STATEMENT = "Nuorisovaltuusto toivoo koulupsykologeja jokaiseen kouluun.";

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConsultationSetup setup;

    @Autowired
    Consultations consultations;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    CouncilStatements statements;

    @Autowired
    Summaries summaries;

    @Autowired
    ParticipationCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;
    UUID youth;
    UUID statement;

    @BeforeEach
    void aConsultationWithACommentAndAStatement() {
        f = loops.getObject();
        assertThat(f.comment("Jonot ovat pitkät.", null, null).status()).isEqualTo("PUBLISHED");
        youth = fixtures.body(f.org, BodyType.YOUTH_COUNCIL, "Nuorisovaltuusto");
        UUID older = fixtures.body(f.org, BodyType.OLDER_PEOPLE_COUNCIL, "Vanhusneuvosto");
        Consultation c = consultations.find(f.org.id(), f.consultation).orElseThrow();
        setup.update(
                f.org.tenant(),
                new Consultation(
                        c.id(),
                        c.organisation(),
                        c.planId(),
                        c.title(),
                        c.intro(),
                        c.opensAt(),
                        c.closesAt(),
                        c.moderation(),
                        true,
                        List.of(youth, older),
                        c.version()));
        assertThat(statements.enter(
                        f.org.tenant(),
                        f.consultation,
                        youth,
                        true,
                        LocalDate.of(2026, 11, 30),
                        "§ 12",
                        STATEMENT,
                        "Ungdomsfullmäktige önskar skolpsykologer i varje skola.",
                        0))
                .isEmpty();
        statement =
                statements.find(f.org.id(), f.consultation, youth).orElseThrow().id();
        // A resident's feedback on the plan's measure, not yet answered.
        jdbc.sql("insert into measure_feedback (id, organisation_id, plan_id, measure_ref, measure_title, text,"
                        + " status, content_hash) values (?, ?, ?, ?, ?, ?, 'PUBLISHED', ?)")
                .params(
                        UUID.randomUUID(),
                        f.org.id().value(),
                        f.plan.id(),
                        f.measureRef,
                        "Koulupsykologeja lisää",
                        "Hyvä toimenpide.",
                        UUID.randomUUID().toString())
                .update();
    }

    @Test
    void aStatementMustBeAnsweredBeforeConcludingAndCountsInTheAnswerRates() {
        assertThat(loop.progress(f.org.id(), f.consultation).items()).isEqualTo(2);
        UUID comment = loop.comments(f.org.id(), f.consultation).get(0).id();
        assertThat(loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        new YouSaidWeDid.Reply(
                                "COMMENT", comment, "NOT_TAKEN", "Ei tänä vuonna.", null, null, List.of(), null)))
                .isEmpty();
        f.close();
        assertThat(loop.conclude(f.org.tenant(), f.consultation, Instant.now()))
                .containsExactly("participation.loop.problem.unanswered");

        ParticipationCatalog.ConsultationRate before = rate();
        assertThat(before.items()).isEqualTo(2);
        assertThat(before.answered()).isEqualTo(1);
        assertThat(before.councilsInvited()).isEqualTo(2);
        assertThat(before.councilsHeard()).isEqualTo(1);

        WebSession coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String page = coordinator
                .get("/participation/consultations/" + f.consultation + "/answers")
                .body();
        assertThat(page).contains("Vaikuttamistoimielinten lausunnot").contains(STATEMENT);
        assertThat(coordinator
                        .post(
                                "/participation/consultations/" + f.consultation + "/answer",
                                Map.of(
                                        "targetKind",
                                        "STATEMENT",
                                        "target",
                                        statement.toString(),
                                        "outcome",
                                        "NOT_TAKEN",
                                        "textFi",
                                        "Psykologeja lisätään ensi vuonna kahteen kouluun."))
                        .status())
                .isEqualTo(302);
        assertThat(rate().answered()).isEqualTo(2);
        assertThat(loop.conclude(f.org.tenant(), f.consultation, Instant.now())).isEmpty();

        ParticipationCatalog.AnswerRates rates = catalog.answerRates(f.org.id());
        assertThat(rates.feedback()).isEqualTo(1);
        assertThat(rates.feedbackAnswered()).isZero();
        assertThat(rates.items()).as("two items and the feedback").isEqualTo(3);
        assertThat(rates.answered()).isEqualTo(2);

        assertThat(new PublicHttp(port)
                        .get("/o/" + f.slug + "/fi/consultations/" + f.consultation + "/we-did")
                        .body())
                .contains("Nuorisovaltuusto")
                .contains(STATEMENT)
                .contains("Psykologeja lisätään ensi vuonna kahteen kouluun.");
    }

    @Test
    void theSummaryAndItsWorkbookGiveTheStatementsInFullWithTheirOutcomes() throws Exception {
        loop.answer(
                f.org.tenant(),
                f.consultation,
                new YouSaidWeDid.Reply(
                        "STATEMENT",
                        statement,
                        "NOT_TAKEN",
                        "Ei resursseja tänä vuonna.",
                        null,
                        null,
                        List.of(),
                        null));
        Summaries.Summary summary = summaries.of(f.org.id(), f.consultation);
        assertThat(summary.statements()).hasSize(1);
        assertThat(summary.statements().get(0).statement().text().fi()).isEqualTo(STATEMENT);
        assertThat(summary.statements().get(0).answer().outcome()).isEqualTo("NOT_TAKEN");
        assertThat(summary.feedback().received()).isEqualTo(1);

        WebSession coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        assertThat(coordinator
                        .get("/participation/consultations/" + f.consultation + "/summary")
                        .body())
                .contains(STATEMENT)
                .contains("Ei viety eteenpäin")
                .contains("Ei resursseja tänä vuonna.")
                .contains("Palautetta 1, niistä vastattu 0.");

        String cookie = coordinator.cookie("SESSION");
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/participation/consultations/"
                                        + f.consultation + "/summary.xlsx"))
                                .header("Cookie", "SESSION=" + cookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(texts)
                .contains(STATEMENT, "Ei viety eteenpäin", "Ei resursseja tänä vuonna.", "Kokous 2026-11-30 § 12");
    }

    private ParticipationCatalog.ConsultationRate rate() {
        return catalog.answerRates(f.org.id()).consultations().stream()
                .filter(r -> r.consultation().equals(f.consultation))
                .findFirst()
                .orElseThrow();
    }
}
