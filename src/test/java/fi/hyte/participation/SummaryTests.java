package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.participation.domain.Summaries;
import fi.hyte.participation.domain.YouSaidWeDid;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.Role;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import fi.hyte.support.WebSession.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A consultation's summary for staff and its XLSX: counts per section and question, who was heard
 * with small groups as "< 5" and unheard groups named, replies under their comment, and nothing of
 * e-mails, client hashes or removed text; a text that would be a formula stays text.
 */
@HyteSpringTest
class SummaryTests {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<LoopFixture> loops;

    @Autowired
    YouSaidWeDid loop;

    @Autowired
    Summaries summaries;

    @Autowired
    JdbcClient jdbc;

    LoopFixture f;

    @BeforeEach
    void answers() {
        f = loops.getObject();
        for (int i = 1; i <= 6; i++) {
            f.answer(
                    Map.of(f.section.id(), "Kommentti numero " + i),
                    Map.of(f.scaleQuestion.id(), Integer.toString(i % 5 + 1)),
                    "30_44",
                    "04200",
                    i == 1 ? "vastaaja@example.fi" : null);
        }
        f.comment("=1+1 on helppo laskea", "65_74", "04230");
        f.comment("+SUM(1,2) ja muuta", "65_74", "04230");
        f.comment("-5 astetta pakkasta eikä lämmintä tilaa", "UNDER_18", null);
        f.comment("@kaikki tulkaa paikalle", "UNDER_18", null);
        f.answer(Map.of(), Map.of(f.textQuestion.id(), "Vapaa vastaus kysymykseen"), null, null, null);
        f.comment("Poistettava loukkaava teksti", "45_64", "04250");
        jdbc.sql("update consultation_response r set status = 'REMOVED' where consultation_id = ? and exists (select"
                        + " 1 from consultation_answer a where a.response_id = r.id and a.text like 'Poistettava%')")
                .param(f.consultation)
                .update();
    }

    @Test
    void smallGroupsShowAsUnderFiveAndUnheardGroupsAreNamed() {
        Summaries.Summary s = summaries.of(f.org.id(), f.consultation);
        assertThat(s.respondents()).isEqualTo(11);
        assertThat(s.sections().get(0).comments()).isEqualTo(10);
        assertThat(s.questions().get(1).answers()).isEqualTo(6);
        assertThat(s.questions().get(1).counts()).containsExactly(1L, 2L, 1L, 1L, 1L);
        assertThat(group(s.ageGroups(), "30_44").shown()).isEqualTo("6");
        assertThat(group(s.ageGroups(), "65_74").shown()).isEqualTo("< 5");
        assertThat(group(s.ageGroups(), "65_74").share()).isNull();
        assertThat(group(s.ageGroups(), "45_64").count())
                .as("removed answers are not counted")
                .isZero();
        assertThat(s.unheard()).containsExactly("18_29", "45_64", "75_PLUS");

        WebSession coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        Response page = coordinator.get("/participation/consultations/" + f.consultation + "/summary");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Ei vastauksia yli 75-vuotiailta")
                .contains("&lt; 5")
                .doesNotContain("vastaaja@example.fi")
                .doesNotContain("Poistettava");
        Response sv = coordinator.get("/participation/consultations/" + f.consultation + "/summary?lang=sv");
        assertThat(sv.body()).contains("Inga svar från personer över 75 år");
    }

    @Test
    void theWorkbookHasRepliesUnderTheirCommentsNoFormulasAndNothingPrivate() throws IOException {
        loop.addTheme(f.org.tenant(), f.consultation, new LocalizedText("Lämmin tila nuorille", null, null));
        List<YouSaidWeDid.Comment> comments = loop.comments(f.org.id(), f.consultation);
        YouSaidWeDid.Comment cold = comments.stream()
                .filter(c -> c.text().startsWith("-5"))
                .findFirst()
                .orElseThrow();
        assertThat(loop.answer(
                        f.org.tenant(),
                        f.consultation,
                        new YouSaidWeDid.Reply(
                                "COMMENT",
                                cold.id(),
                                "COVERED",
                                "=Nuorisotila on jo suunnitelmassa",
                                null,
                                null,
                                List.of(f.goalRef),
                                null)))
                .isEmpty();

        byte[] file = download("/participation/consultations/" + f.consultation + "/summary.xlsx");
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType())
                                .as("cell %s", cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            String value = cell.getStringCellValue();
                            texts.add(value);
                            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                                assertThat(cell.getCellStyle().getQuotePrefixed())
                                        .as("%s is stored as text", value)
                                        .isTrue();
                            }
                        }
                    }
                }
            }
            Sheet sheet = workbook.getSheet("Kommentit");
            int coldRow = -1;
            for (Row row : sheet) {
                Cell text = row.getCell(3);
                if (text != null && text.getStringCellValue().startsWith("-5 astetta")) {
                    coldRow = row.getRowNum();
                }
            }
            assertThat(coldRow).isPositive();
            Row reply = sheet.getRow(coldRow + 1);
            assertThat(reply.getCell(0).getStringCellValue())
                    .contains("Vastaus")
                    .contains("Jo mukana suunnitelmassa");
            assertThat(reply.getCell(3).getStringCellValue()).isEqualTo("=Nuorisotila on jo suunnitelmassa");
            assertThat(reply.getCell(5).getStringCellValue()).isEqualTo(f.goalRef);
        }
        assertThat(texts)
                .contains("=1+1 on helppo laskea", "+SUM(1,2) ja muuta", "@kaikki tulkaa paikalle")
                .contains("Vapaa vastaus kysymykseen")
                .contains("< 5")
                .noneMatch(t -> t.contains("vastaaja@example.fi"))
                .noneMatch(t -> t.contains("Poistettava"))
                .noneMatch(t -> t.matches("[0-9a-f]{64}"));
        // Postal areas appear only in the figures sheet, as aggregates; never on a comment's row.
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheet("Kommentit")) {
                for (Cell cell : row) {
                    assertThat(cell.getStringCellValue())
                            .doesNotContain("04230")
                            .doesNotContain("30–44");
                }
            }
        }
    }

    private byte[] download(String path) {
        WebSession coordinator = WebSession.signedIn(port, f.org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        String cookie = coordinator.cookie("SESSION");
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "SESSION=" + cookie)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .contains("spreadsheetml");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOlderGroupsStandBesideTheirShareOfThePopulationWhereTheKnowledgeBaseHasIt() {
        // The organisation becomes Ii (139), and Ii gets shares of Sotkanet's 170 (65–74) and 171
        // (75 and over) in a year no real data has, so nothing else is read.
        jdbc.sql("update organisation set region_kind = 'MUNICIPALITY', region_code = '139' where id = ?")
                .param(f.org.id().value())
                .update();
        int ii = jdbc.sql("select sotkanet_id from region where kind = 'MUNICIPALITY' and code = '139'")
                .query(Integer.class)
                .single();
        long batch = jdbc.sql("insert into indicator_batch (kind, source, file_name) values ('FILE', 'SummaryTests',"
                        + " 'population') returning id")
                .query(Long.class)
                .single();
        try {
            for (Object[] v : new Object[][] {{170, "14.1"}, {171, "10.2"}}) {
                jdbc.sql("insert into indicator_value (indicator_id, region_id, year, gender, value, batch_id) values"
                                + " (?, ?, 2090, 0, ?, ?)")
                        .params(v[0], ii, new BigDecimal((String) v[1]), batch)
                        .update();
            }
            Summaries.Summary s = summaries.of(f.org.id(), f.consultation);
            assertThat(group(s.ageGroups(), "65_74").population()).isEqualByComparingTo("14.1");
            assertThat(group(s.ageGroups(), "75_PLUS").population()).isEqualByComparingTo("10.2");
            assertThat(group(s.ageGroups(), "75_PLUS").populationYear()).isEqualTo(2090);
            assertThat(group(s.ageGroups(), "75_PLUS").count())
                    .as("nobody over 75 answered")
                    .isZero();
            assertThat(group(s.ageGroups(), "30_44").population())
                    .as("Sotkanet has no share of 30–44-year-olds")
                    .isNull();
        } finally {
            jdbc.sql("delete from indicator_value where batch_id = ?")
                    .param(batch)
                    .update();
            jdbc.sql("delete from indicator_batch where id = ?").param(batch).update();
        }
    }

    private static Summaries.Group group(List<Summaries.Group> groups, String key) {
        return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
    }
}
