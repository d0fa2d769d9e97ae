package fi.hyte.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fi.hyte.indicator.domain.Imports;
import fi.hyte.indicator.domain.ValueImport;
import fi.hyte.organisation.domain.RegionKind;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserAccounts;
import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.jobs.Jobs;
import fi.hyte.support.Fixtures;
import fi.hyte.support.HyteSpringTest;
import fi.hyte.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing files: every accepted format, all or nothing, idempotent, every rejected row with its line
 * and reason in the user's language, the size limit, and the background check → preview → confirm
 * flow with its progress.
 */
@HyteSpringTest
class ImportTests {

    static final Path VALUES = Path.of(System.getProperty("hyte.shared-data", "../shared/data"), "sotkanet_values");

    @Autowired
    Fixtures fixtures;

    @Autowired
    Imports imports;

    @Autowired
    Jobs jobs;

    @Autowired
    fi.hyte.indicator.domain.Comparisons comparisons;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Fixtures.Org org;
    Tenant coordinator;

    @BeforeEach
    void organisation() {
        org = fixtures.organisation(
                "imp" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "092");
        coordinator = new Tenant(
                org.id(), users.find(org.user(Role.COORDINATOR)).orElseThrow(), "coordinator", Role.COORDINATOR, false);
    }

    @Test
    void sotkanetWebExportInLatin1WithDecimalCommaAndNoHeaderMatchesTheStoredValues() throws IOException {
        // The real 683 file rewritten as Sotkanet's web export: ';', decimal comma, Latin-1, no header.
        List<String> lines = Files.readAllLines(VALUES.resolve("sotkanet_683_diabetes_2015_2023_all_regions.csv"));
        StringBuilder export = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            export.append(String.join(";", f[0], f[1], f[2], "yhteensä", f[4].replace('.', ','), f[5]))
                    .append("\r\n");
        }
        Tenant operator = new Tenant(coordinator.organisation(), coordinator.user(), "op", Role.COORDINATOR, true);
        ValueImport.Result result =
                imports.importNow(operator, "sotkanet.csv", export.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).isEqualTo(4185);
        assertThat(result.added()).isZero();
        assertThat(result.changed())
                .as("the demo holds these values already, with their decimals")
                .isZero();
        assertThat(result.unchanged()).isEqualTo(4185);
    }

    @Test
    void ownIndicatorFromTemplateIsCreatedAndTheSameFileTwiceAddsNothing() {
        byte[] file = ("tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä\n"
                        + "liikunta;Liikkuu päivittäin, %;%;;2024;yhteensä;41,5;\n"
                        + "liikunta;;;;2024;miehet;38,0;\n"
                        + "liikunta;;;;2024;naiset;45,2;\n"
                        + "liikunta;;;;2025;yhteensä;..;\n")
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result first = imports.importNow(coordinator, "kysely.csv", file);
        assertThat(first.problems()).isEmpty();
        assertThat(first.added()).isEqualTo(4);
        assertThat(first.newLocalIndicators()).containsExactly("liikunta");
        ValueImport.Result second = imports.importNow(coordinator, "kysely.csv", file);
        assertThat(second.added()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(second.newLocalIndicators()).isEmpty();
        List<String> stored = jdbc.sql("select v.year || '/' || v.gender || '=' || coalesce(v.value::text, 'missing')"
                        + " from indicator_value v join indicator i on i.id = v.indicator_id"
                        + " where i.organisation_id = ? order by 1")
                .param(org.id().value())
                .query(String.class)
                .list();
        assertThat(stored).containsExactly("2024/0=41.5", "2024/1=38.0", "2024/2=45.2", "2025/0=missing");
    }

    @Test
    void pageOfAnIndicatorWithOneGenderOnlyOpensOnThatGender() {
        byte[] file = "tunnus;nimi;vuosi;sukupuoli;arvo\nnaisten;Naisten liikunta;2025;naiset;44,0\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(imports.importNow(coordinator, "naiset.csv", file).problems())
                .isEmpty();
        int id = jdbc.sql("select id from indicator where organisation_id = ?")
                .param(org.id().value())
                .query(Integer.class)
                .single();
        WebSession session = WebSession.signedIn(port, org.user(Role.VIEWER), Fixtures.PASSWORD);
        var page = session.get("/indicators/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Naisten liikunta").contains("44,0");
        assertThat(page.body()).doesNotContain("indicator.empty");
    }

    @Test
    void theSameValueTwiceInOneFileIsAcceptedOnce() {
        byte[] file = "tunnus;nimi;alue;vuosi;arvo\nt;Toisto;092;2024;3,0\nt;;092;2024;3,0\n"
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result result = imports.importNow(coordinator, "toisto.csv", file);
        assertThat(result.problems()).isEmpty();
        assertThat(result.added()).isEqualTo(1);
        assertThat(count(org)).isEqualTo(1);
    }

    @Test
    void aConflictingDuplicateIsRefusedEvenWhenItsFirstRowEqualsTheStoredValue() {
        String header = "code;title;region;year;value\n";
        imports.importNow(coordinator, "a.csv", (header + "d;D;092;2023;5.0\n").getBytes(StandardCharsets.UTF_8));
        ValueImport.Result result = imports.importNow(
                coordinator,
                "b.csv",
                (header + "d;D;092;2023;5.0\nd;D;092;2023;6.0\n").getBytes(StandardCharsets.UTF_8));
        assertThat(result.problems())
                .extracting(FileProblem::row, FileProblem::code)
                .containsExactly(tuple(3L, "duplicate"));
        assertThat(jdbc.sql("select v.value::text from indicator_value v join indicator i on i.id = v.indicator_id"
                                + " where i.organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("5.0");
    }

    @Test
    void excelsWindows1252CsvIsRead() {
        byte[] file = "tunnus;nimi;alue;vuosi;arvo\nw;Tyytyväiset – kysely ”2025”;092;2025;7,5\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ValueImport.Result result = imports.importNow(coordinator, "excel.csv", file);
        assertThat(result.problems()).isEmpty();
        assertThat(jdbc.sql("select title_fi from indicator where organisation_id = ?")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("Tyytyväiset – kysely ”2025”");
    }

    @Test
    void indicatorPageShowsEvenWhenTheOwnRegionHasNoDataAndManyPeers() {
        Fixtures.Org sottunga = fixtures.organisation(
                "sot" + UUID.randomUUID().toString().substring(0, 6), RegionKind.MUNICIPALITY, "766");
        for (int peer : List.of(2, 4, 5, 9, 11, 12, 13, 15)) {
            comparisons.addPeer(sottunga.id(), peer);
        }
        WebSession session = WebSession.signedIn(port, sottunga.user(Role.VIEWER), Fixtures.PASSWORD);
        WebSession.Response page = session.get("/indicators/683");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg").contains("Alajärvi");
    }

    @Test
    void aRegionOfAnotherScaleIsLeftToTheTableNotTheChart() {
        WebSession session = WebSession.signedIn(port, "katselija", fi.hyte.support.HyteSpringTest.DEMO_PASSWORD);
        String page = session.get("/indicators/127").body();
        assertThat(page).contains("Vain taulukossa, koska suuruusluokka on aivan eri kuin omalla alueella: Uusimaa.");
        String chart = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        assertThat(chart).contains("Kerava").doesNotContain("Uusimaa");
        assertThat(page.substring(page.indexOf("data-table"))).contains("Uusimaa");
    }

    @Test
    void changedValueIsUpdatedAndTheOldValueRecorded() {
        String header = "code;title;region;year;value\n";
        imports.importNow(
                coordinator, "a.csv", (header + "kysely;Kysely;092;2023;10.0\n").getBytes(StandardCharsets.UTF_8));
        ValueImport.Result changed = imports.importNow(
                coordinator, "b.csv", (header + "kysely;Kysely;092;2023;12.5\n").getBytes(StandardCharsets.UTF_8));
        assertThat(changed.changed()).isEqualTo(1);
        assertThat(jdbc.sql("select old_value::text || '->' || new_value::text from indicator_value_change"
                                + " where batch_id = ?")
                        .param(changed.batchId())
                        .query(String.class)
                        .single())
                .isEqualTo("10.0->12.5");
    }

    @Test
    void everyRejectedRowIsReportedWithItsLineAndNothingIsSaved() {
        byte[] file = ("tunnus;nimi;alue;vuosi;sukupuoli;arvo\n"
                        + "a;Uusi A;092;2024;yhteensä;1,5\n"
                        + "a;;999;2024;yhteensä;2\n"
                        + "a;;092;20x4;yhteensä;2\n"
                        + "a;;092;2023;muu;2\n"
                        + "a;;092;2022;yhteensä;kaksi\n"
                        + "b;;092;2024;yhteensä;3\n"
                        + "a;;092;2024;yhteensä;1,6\n")
                .getBytes(StandardCharsets.UTF_8);
        long before = count();
        ValueImport.Result result = imports.importNow(coordinator, "virheet.csv", file);
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems())
                .extracting(FileProblem::row, FileProblem::code)
                .containsExactlyInAnyOrder(
                        tuple(3L, "unknownMunicipality"),
                        tuple(4L, "year"),
                        tuple(5L, "gender"),
                        tuple(6L, "number"),
                        tuple(7L, "localTitle"),
                        tuple(8L, "duplicate"));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from indicator where organisation_id = ?")
                        .param(org.id().value())
                        .query(Integer.class)
                        .single())
                .as("no half-made indicator either")
                .isZero();
    }

    @Test
    void unknownIndicatorInSotkanetFileIsRejectedAndUnknownRegionSkipped() {
        Tenant operator = new Tenant(coordinator.organisation(), coordinator.user(), "op", Role.COORDINATOR, true);
        byte[] file = ("indicator;region;year;gender;primary value;absolute value\n"
                        + "683;122;2023;total;11.8;2367\n"
                        + "683;99999;2023;total;1.0;1\n"
                        + "999999;122;2023;total;1.0;1\n")
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result result = imports.importNow(operator, "s.csv", file);
        assertThat(result.problems())
                .extracting(FileProblem::row, FileProblem::code)
                .containsExactly(tuple(4L, "unknownIndicator"));
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.skippedRegions()).containsExactly(99999);
    }

    @Test
    void onlyTheSystemOperatorMayImportSotkanetsSharedData() {
        byte[] file = "indicator;region;year;gender;primary value;absolute value\n683;122;2023;total;99.9;1\n"
                .getBytes(StandardCharsets.UTF_8);
        ValueImport.Result result = imports.importNow(coordinator, "s.csv", file);
        assertThat(result.problems()).extracting(FileProblem::code).containsExactly("sharedNotAllowed");
        assertThat(jdbc.sql("select value::text from indicator_value where indicator_id = 683 and region_id = 122"
                                + " and year = 2023 and gender = 0")
                        .query(String.class)
                        .single())
                .isEqualTo("11.8");
    }

    @Test
    void fileInAnUnsupportedEncodingIsRefusedWithAMessage() {
        byte[] utf16WithoutMark = "tunnus;nimi;vuosi;arvo\nx;X;2024;1\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(imports.importNow(coordinator, "u.csv", utf16WithoutMark).problems())
                .extracting(FileProblem::code)
                .containsExactly("notSpreadsheet");
        byte[] garbage = {(byte) 0x80, (byte) 0x81, (byte) 0x9F, 'a', ';', 'b', '\n'};
        assertThat(imports.importNow(coordinator, "g.csv", garbage).problems())
                .extracting(FileProblem::code)
                .containsExactly("encoding");
    }

    @Test
    void utf16FileWithItsByteOrderMarkIsRead() {
        for (java.nio.charset.Charset utf16 : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            byte[] text = "\uFEFFtunnus;nimi;vuosi;arvo\r\nutf16;UTF-16 ääkköset;2024;1,5\r\n".getBytes(utf16);
            ValueImport.Result result = imports.importNow(coordinator, "u.csv", text);
            assertThat(result.problems()).as(utf16.name()).isEmpty();
            assertThat(result.accepted()).isTrue();
        }
        assertThat(jdbc.sql("select title_fi from indicator where organisation_id = ? and code = 'utf16'")
                        .param(org.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("UTF-16 ääkköset");
    }

    @Test
    void xlsxTemplateImportsLikeTheCsv() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Arvot");
            String[] header = {"tunnus", "nimi", "yksikkö", "alue", "vuosi", "sukupuoli", "arvo", "lukumäärä"};
            Row row = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                row.createCell(i).setCellValue(header[i]);
            }
            Row data = sheet.createRow(1);
            data.createCell(0).setCellValue("harrastus");
            data.createCell(1).setCellValue("Harrastaa viikoittain, %");
            data.createCell(4).setCellValue(2024);
            data.createCell(6).setCellValue("63,4");
            data.createCell(7).setCellValue(120);
            // A number shown with one decimal holds two: the stored value is what counts.
            Row shown = sheet.createRow(2);
            shown.createCell(0).setCellValue("harrastus");
            shown.createCell(4).setCellValue(2025);
            var oneDecimal = workbook.createCellStyle();
            oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            shown.createCell(6).setCellValue(12.34);
            shown.getCell(6).setCellStyle(oneDecimal);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ValueImport.Result result = imports.importNow(coordinator, "kysely.xlsx", xlsx);
        assertThat(result.problems()).isEmpty();
        assertThat(result.added()).isEqualTo(2);
        assertThat(jdbc.sql("select v.year || ':' || v.value::text || ' ' || coalesce(v.absolute_value::text, '-')"
                                + " from indicator_value v join indicator i on i.id = v.indicator_id where i.organisation_id = ?"
                                + " order by v.year")
                        .param(org.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("2024:63.4 120", "2025:12.34 -");
    }

    @Test
    void uploadIsCheckedInTheBackgroundPreviewedAndSavedOnlyWhenConfirmed() {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        byte[] file = "tunnus;nimi;vuosi;arvo\nnuoret;Nuorten kysely;2024;12,5\nnuoret;;2025;13,0\n"
                .getBytes(StandardCharsets.UTF_8);
        WebSession.Response uploaded = session.postFile("/indicators/imports", "file", "nuoret.csv", file);
        assertThat(uploaded.status()).isEqualTo(302);
        String page = uploaded.location().replaceFirst("^https?://[^/]+", "");
        String preview = await(session, page, "Vahvista ja tallenna");
        assertThat(preview).contains("Esikatselu").contains("nuoret");
        assertThat(count(org)).as("nothing saved before confirming").isZero();
        Matcher confirm = Pattern.compile("action=\"([^\"]+/confirm)\"").matcher(preview);
        assertThat(confirm.find()).isTrue();
        assertThat(session.post(confirm.group(1), java.util.Map.of()).status()).isEqualTo(302);
        String result = await(session, page, "Tiedot tallennettiin");
        assertThat(result).contains("Tulos");
        assertThat(count(org)).isEqualTo(2);
    }

    @Test
    void uploadWithProblemsListsThemInTheUsersLanguage() {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        session.get("/?lang=sv");
        byte[] file = "tunnus;nimi;vuosi;arvo\nx;X;2024;abc\n".getBytes(StandardCharsets.UTF_8);
        String page = session.postFile("/indicators/imports", "file", "fel.csv", file)
                .location()
                .replaceFirst("^https?://[^/]+", "");
        String shown = await(session, page, "Filen har 1 fel");
        assertThat(shown).contains("Värdet ”abc” är inte ett tal.").doesNotContain("Bekräfta och spara");
    }

    @Test
    void secondJobInTheSameScopeIsRefusedWhileOneRuns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        String scope = Imports.scope(org.id());
        Optional<UUID> first = jobs.start("IMPORT", scope, org.id(), null, 0, p -> {
            started.countDown();
            release.await(20, TimeUnit.SECONDS);
            return new Jobs.Outcome(true, "done", null);
        });
        assertThat(first).isPresent();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.start("IMPORT", scope, org.id(), null, 0, p -> new Jobs.Outcome(true, "x", null)))
                .isEmpty();
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        WebSession.Response refused = session.postFile(
                "/indicators/imports",
                "file",
                "x.csv",
                "tunnus;vuosi;arvo\nx;2024;1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(session.get("/indicators/imports").body()).contains("edellinen tuonti on vielä kesken");
        release.countDown();
        for (int i = 0; i < 100 && jobs.find(first.get()).orElseThrow().running(); i++) {
            Thread.sleep(50);
        }
        assertThat(jobs.find(first.get()).orElseThrow().status()).isEqualTo("DONE");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedWithAPageInTheUsersLanguage() {
        WebSession session = WebSession.signedIn(port, org.user(Role.COORDINATOR), Fixtures.PASSWORD);
        byte[] big = new byte[27 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        WebSession.Response refused = session.postFile("/indicators/imports", "file", "iso.csv", big);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("<html lang=\"fi\"");
    }

    /** The page once it shows the text (a background job has got so far), polled for up to 15 s. */
    static String await(WebSession session, String page, String text) {
        String body = "";
        for (int i = 0; i < 300; i++) {
            body = session.get(page).body();
            if (body.contains(text)) {
                return body;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("Never showed \"" + text + "\": " + body);
    }

    private long count() {
        return jdbc.sql("select count(*) from indicator_value")
                .query(Long.class)
                .single();
    }

    private long count(Fixtures.Org organisation) {
        return jdbc.sql("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id"
                        + " where i.organisation_id = ?")
                .param(organisation.id().value())
                .query(Long.class)
                .single();
    }
}
