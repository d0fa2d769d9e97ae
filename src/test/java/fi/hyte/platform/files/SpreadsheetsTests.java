package fi.hyte.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The one reader of uploaded files: the encodings, delimiters and line ends people's files come in,
 * workbooks' raw numbers and formulas, and the limits that keep a small zip from filling the heap.
 */
class SpreadsheetsTests {

    static final Path SHARED = Path.of(System.getProperty("hyte.shared-data", "../shared/data"));

    final Spreadsheets spreadsheets = new Spreadsheets(2, Duration.ofMillis(200));

    record Outcome(Spreadsheets.Read read, List<Spreadsheets.Row> rows) {}

    Outcome read(String name, byte[] content) {
        List<Spreadsheets.Row> rows = new ArrayList<>();
        Spreadsheets.Read read = spreadsheets.read(name, new ByteArrayInputStream(content), rows::add);
        return new Outcome(read, rows);
    }

    static List<List<String>> cells(Outcome outcome) {
        return outcome.rows().stream().map(Spreadsheets.Row::cells).toList();
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkAndUtf16WithItsMarkReadAlike() {
        String text = "alue;arvo\r\nÅland;1,5\r\n\r\nSäkylä;2\r\n";
        List<byte[]> files = List.of(
                text.getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(Charset.forName("windows-1252")));
        for (byte[] file : files) {
            Outcome outcome = read("a.csv", file);
            assertThat(outcome.read().refusal()).isNull();
            assertThat(outcome.read().kind()).isEqualTo(Spreadsheets.Kind.CSV);
            assertThat(cells(outcome))
                    .containsExactly(List.of("alue", "arvo"), List.of("Åland", "1,5"), List.of("Säkylä", "2"));
            assertThat(outcome.rows())
                    .as("numbered as a text editor shows the lines")
                    .extracting(Spreadsheets.Row::number)
                    .containsExactly(1L, 2L, 4L);
        }
    }

    @Test
    void semicolonCommaAndTabAreEachRecognisedFromTheFirstLine() {
        for (String delimiter : List.of(";", ",", "\t")) {
            Outcome outcome = read("a.csv", ("a" + delimiter + "b\n\"1,5\"" + delimiter + "x y\n").getBytes());
            assertThat(cells(outcome)).containsExactly(List.of("a", "b"), List.of("1,5", "x y"));
        }
    }

    @Test
    void whatIsNoTextOrNoKnownEncodingIsRefusedWithItsReason() {
        assertThat(read("a.csv", new byte[0]).read().refusal().key()).isEqualTo("files.problem.empty");
        assertThat(read("a.csv", "\n\n".getBytes()).read().refusal().key()).isEqualTo("files.problem.empty");
        assertThat(read("a.pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1})
                        .read()
                        .refusal()
                        .key())
                .isEqualTo("files.problem.notSpreadsheet");
        assertThat(read("a.csv", "a;b\n".getBytes(StandardCharsets.UTF_16LE))
                        .read()
                        .refusal()
                        .key())
                .as("UTF-16 without its mark")
                .isEqualTo("files.problem.notSpreadsheet");
        assertThat(read("a.csv", new byte[] {(byte) 0x81, 'a', '\n'})
                        .read()
                        .refusal()
                        .key())
                .isEqualTo("files.problem.encoding");
        assertThat(read("a.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0})
                        .read()
                        .refusal()
                        .key())
                .isEqualTo("files.problem.encryptedOrXls");
        assertThat(read("a.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2})
                        .read()
                        .refusal()
                        .key())
                .isEqualTo("files.problem.damaged");
        Outcome unclosed = read("a.csv", "a;b\n1;2\n\"3;4\n".getBytes());
        assertThat(unclosed.read().refusal().key()).isEqualTo("files.problem.csvSyntax");
        assertThat(unclosed.read().refusal().row()).isEqualTo(3);
        assertThat(cells(unclosed)).hasSize(2);
    }

    @Test
    void workbookNumbersComeAsStoredAndFormulasByTheirValueFromEverySheet() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet first = workbook.createSheet("Arvot");
            Row header = first.createRow(0);
            header.createCell(0).setCellValue("arvo");
            header.createCell(2).setCellValue("summa");
            Row row = first.createRow(2);
            row.createCell(0).setCellValue(12.34);
            row.getCell(0).setCellStyle(workbook.createCellStyle());
            row.getCell(0)
                    .getCellStyle()
                    .setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            row.createCell(2).setCellFormula("A3*2");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("Tyhjä");
            workbook.createSheet("Toinen").createRow(4).createCell(1).setCellValue("b");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Outcome outcome = read("a.xlsx", xlsx);
        assertThat(outcome.read().refusal()).isNull();
        assertThat(outcome.rows())
                .extracting(Spreadsheets.Row::sheet, Spreadsheets.Row::number, Spreadsheets.Row::cells)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Arvot", 1L, List.of("arvo", "", "summa")),
                        org.assertj.core.groups.Tuple.tuple("Arvot", 3L, List.of("12.34", "", "24.68")),
                        org.assertj.core.groups.Tuple.tuple("Toinen", 5L, List.of("", "b")));
    }

    @Test
    void realWorkbookOfStatisticsFinlandIsWithinTheLimits() throws IOException {
        byte[] real = Files.readAllBytes(SHARED.resolve(
                "regions_and_municipalities/kunnat_ja_kuntapohjaiset_alueet_2022_suomeksi_ruotsiksi_englanniksi.xlsx"));
        Outcome outcome = read("kunnat.xlsx", real);
        assertThat(outcome.read().refusal()).isNull();
        assertThat(outcome.rows()).hasSizeGreaterThan(309);
        assertThat(outcome.rows()).anyMatch(r -> r.cells().contains("Säkylä"));
    }

    @Test
    void workbookThatUnpacksToHundredsOfMegabytesIsRefusedWithoutFillingTheHeap() throws IOException {
        // 3 × 90 MB at 1:70: within POI's defaults (1:100, 100 MB a part), so a reader opening the
        // upload as a stream would unpack all of it into memory.
        byte[] bomb = bomb(3, 85_000);
        assertThat(bomb.length).isLessThan(5 * 1024 * 1024);
        long before = allocated();
        Outcome outcome = read("pommi.xlsx", bomb);
        long used = allocated() - before;
        assertThat(outcome.read().refusal().key()).isEqualTo("files.problem.unpacksTooLarge");
        assertThat(outcome.rows()).isEmpty();
        assertThat(used).as("bytes allocated while refusing").isLessThan(200L * 1024 * 1024);
    }

    @Test
    void workbookPackedDenserThanRealOnesIsRefusedWhileItIsRead() throws IOException {
        // Small enough for the size limits: the ratio, checked as the sheet unpacks, refuses it.
        byte[] dense = bomb(1, 30_000);
        long before = allocated();
        Outcome outcome = read("tiivis.xlsx", dense);
        long used = allocated() - before;
        assertThat(outcome.read().refusal().key()).isEqualTo("files.problem.unpacksTooLarge");
        assertThat(used).isLessThan(200L * 1024 * 1024);
    }

    @Test
    void fileWaitingLongerThanItsTurnIsRefusedWithTryAgainShortly() throws Exception {
        try (AutoCloseable held = spreadsheets.holdAllTurns()) {
            Outcome refused = read("a.csv", "a;b\n".getBytes());
            assertThat(refused.read().refusal().key()).isEqualTo("files.problem.busy");
            assertThat(refused.rows()).isEmpty();
        }
        assertThat(read("a.csv", "a;b\n".getBytes()).read().refusal()).isNull();
    }

    /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /**
     * A minimal XLSX of {@code sheets} sheets, each of {@code rows} rows of about 1 kB that deflate
     * about 1:70 (each row repeats the last but for a random number). POI's stream reader takes a
     * part of up to 100 MB, so a bomb for it spreads over sheets of 90 MB.
     */
    static byte[] bomb(int sheets, int rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Random random = new Random(1);
        String pad = "x".repeat(1000);
        StringBuilder types = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int s = 1; s <= sheets; s++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet")
                    .append(s)
                    .append(
                            ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            names.append("<sheet name=\"Arvot")
                    .append(s)
                    .append("\" sheetId=\"")
                    .append(s)
                    .append("\" r:id=\"rId")
                    .append(s)
                    .append("\"/>");
            links.append("<Relationship Id=\"rId")
                    .append(s)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"")
                    .append(" Target=\"worksheets/sheet")
                    .append(s)
                    .append(".xml\"/>");
        }
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + types + "</Types>");
            entry(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            entry(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            + "<sheets>" + names + "</sheets></workbook>");
            entry(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + links + "</Relationships>");
            for (int s = 1; s <= sheets; s++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + s + ".xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                                + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 1; i <= rows; i++) {
                    zip.write(("<row r=\"" + i + "\"><c r=\"A" + i + "\" t=\"inlineStr\"><is><t>"
                                    + random.nextInt(1_000_000) + pad + "</t></is></c></row>")
                            .getBytes(StandardCharsets.UTF_8));
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
