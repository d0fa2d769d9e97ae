package fi.hyte.platform.files;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded CSV or XLSX file as rows of text cells, streaming: however long the file, only
 * one row is held at a time. CSV is UTF-8 (with or without byte-order mark), UTF-16 with its mark, or
 * else Windows-1252 (what Finnish Excel saves), separated by ; , or tab, with LF or CRLF lines. An
 * XLSX is opened from a temporary file and read with POI's event API; numbers are taken as stored,
 * not as the cell's display format shows them (a cell shown as 12,3 may hold 12.34), formulas by
 * their last computed value. Rows whose cells are all blank are left out; cells are as written
 * (not trimmed).
 *
 * <p>A workbook is a zip: a few megabytes can unpack to gigabytes. So the limits below hold for every
 * workbook read, and only {@code hyte.files.parallel-reads} files are read at once in the whole
 * application, whichever organisation sends them; one that waits longer than
 * {@code hyte.files.wait-for-turn} is refused with a "try again shortly".
 */
@Component
public class Spreadsheets {

    /**
     * The largest part of a workbook once unpacked. A plan's sheet of 20,000 rows is about 25 MB of
     * XML and the indicator template's sheet of 200,000 values about 60 MB; larger data comes as CSV.
     */
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    /** All parts of a workbook together, unpacked: the sheets and their shared strings and styles. */
    public static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

    /**
     * The least compressed-to-unpacked ratio of a part (1:50). Real workbooks measure 1:5 to 1:10
     * (Statistics Finland's files, Hyte's own exports); POI's default allows 1:100.
     */
    public static final double MIN_INFLATE_RATIO = 0.02;

    /** More parts than a workbook of a few sheets has (POI's default is 1,000). */
    public static final int MAX_ENTRIES = 200;

    /** More columns than any sheet Hyte reads: the rest of a row is not read. */
    public static final int MAX_COLUMNS = 200;

    private static final int SAMPLE = 1 << 16;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static {
        // POI's limits are static: they hold for every workbook this application opens.
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    /** The kind of file read. */
    public enum Kind {
        CSV,
        XLSX
    }

    /**
     * One row: its sheet (null in a CSV file) and the sheet's position (0 = the first), its number as
     * a spreadsheet or a text editor shows it (1 = the first line) and its cells.
     */
    public record Row(String sheet, int sheetIndex, long number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** Takes the rows one by one; returning false stops reading (the rest is not needed). */
    @FunctionalInterface
    public interface Rows {
        boolean take(Row row);
    }

    /**
     * What reading did: the kind of file, and the reason it could not be read to the end (null if it
     * was, or if the caller stopped). Rows before a refusal of row N have been taken.
     */
    public record Read(Kind kind, FileProblem refusal) {

        static Read refused(Kind kind, long row, String code, Object... args) {
            return new Read(kind, FileProblem.of(row, "files.problem." + code, args));
        }
    }

    private final Semaphore turns;
    private final Duration waitForTurn;

    public Spreadsheets(
            @Value("${hyte.files.parallel-reads:2}") int parallelReads,
            @Value("${hyte.files.wait-for-turn:5s}") Duration waitForTurn) {
        this.turns = new Semaphore(parallelReads, true);
        this.waitForTurn = waitForTurn;
    }

    /** Reads the file to its end, or until {@code rows} says stop, waiting for a turn first. */
    public Read read(String fileName, InputStream input, Rows rows) {
        boolean turn;
        try {
            turn = turns.tryAcquire(waitForTurn.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            return Read.refused(null, 0, "busy");
        }
        try {
            return readNow(fileName, input, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CallerFailed e) {
            throw e.failure;
        } finally {
            turns.release();
        }
    }

    /** Holds every turn, as if that many files were being read; for tests of the refusal. */
    public AutoCloseable holdAllTurns() throws InterruptedException {
        int all = turns.availablePermits();
        turns.acquire(all);
        return () -> turns.release(all);
    }

    private Read readNow(String fileName, InputStream input, Rows rows) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        BufferedInputStream in = new BufferedInputStream(input, SAMPLE);
        in.mark(SAMPLE);
        byte[] head = in.readNBytes(SAMPLE);
        in.reset();
        if (head.length == 0) {
            return Read.refused(null, 0, "empty");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return workbook(in, rows);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            // An OLE2 container: an encrypted XLSX or an old .xls; neither can be read.
            return Read.refused(Kind.XLSX, 0, "encryptedOrXls");
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".ods")) {
            return Read.refused(Kind.XLSX, 0, "damaged");
        }
        Charset charset = charsetOf(head);
        if (charset == null) {
            return Read.refused(null, 0, "notSpreadsheet");
        }
        if (charset == WINDOWS_1252 && undefinedIn1252(head)) {
            return Read.refused(Kind.CSV, 0, "encoding");
        }
        return csv(in, charset, bomLength(head), rows);
    }

    /**
     * The charset a byte-order mark names; else UTF-8 when the start of the file decodes as UTF-8,
     * else Windows-1252, the superset of Latin-1. Null for binary (a NUL byte without a mark: UTF-16
     * without its mark, a PDF, an image), so that the user hears it rather than sees mojibake.
     */
    static Charset charsetOf(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        for (byte b : head) {
            if (b == 0) {
                return null;
            }
        }
        int end = head.length;
        // A multi-byte character may be cut at the end of the sample.
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && end < head.length && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** Windows-1252's five undefined bytes: a file that has them is in some other encoding. */
    private static boolean undefinedIn1252(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                return true;
            }
        }
        return false;
    }

    private static int bomLength(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF) ? 2 : 0;
    }

    private static Read csv(InputStream in, Charset charset, int bom, Rows rows) throws IOException {
        in.skipNBytes(bom);
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(
                        in,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                SAMPLE);
        lines.mark(SAMPLE);
        String first = null;
        try {
            first = lines.readLine();
            while (first != null && first.isBlank()) {
                first = lines.readLine();
            }
            lines.reset();
        } catch (CharacterCodingException e) {
            return Read.refused(Kind.CSV, 0, "encoding");
        } catch (IOException e) {
            // The first line is longer than the sample: the delimiter is looked for in what was read.
            lines = null;
        }
        if (lines == null) {
            return Read.refused(Kind.CSV, 1, "csvSyntax");
        }
        if (first == null) {
            return Read.refused(Kind.CSV, 0, "empty");
        }
        char delimiter = first.indexOf(';') >= 0 ? ';' : first.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        long lastLine = 0;
        boolean any = false;
        try (CSVParser parser = CSVParser.parse(lines, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                lastLine = parser.getCurrentLineNumber();
                if (cells.size() > MAX_COLUMNS) {
                    cells = new ArrayList<>(cells.subList(0, MAX_COLUMNS));
                }
                if (blank(cells)) {
                    continue;
                }
                any = true;
                if (!take(rows, new Row(null, 0, lastLine, cells))) {
                    return new Read(Kind.CSV, null);
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return Read.refused(Kind.CSV, lastLine + 1, "encoding");
            }
            if (e.getCause() instanceof CSVException) {
                return Read.refused(Kind.CSV, lastLine + 1, "csvSyntax");
            }
            throw e;
        } catch (CharacterCodingException e) {
            return Read.refused(Kind.CSV, lastLine + 1, "encoding");
        } catch (CSVException | IllegalStateException e) {
            // commons-csv: an unterminated quote, for example.
            return Read.refused(Kind.CSV, lastLine + 1, "csvSyntax");
        }
        return any ? new Read(Kind.CSV, null) : Read.refused(Kind.CSV, 0, "empty");
    }

    /**
     * The sheets in order, from a temporary file: opened from a stream, POI would unpack every part
     * into memory before looking at any of them.
     */
    private static Read workbook(InputStream in, Rows rows) throws IOException {
        Path file = Files.createTempFile("hyte-upload-", ".xlsx");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            long declared = declaredSize(file.toFile());
            if (declared < 0) {
                // No readable central directory: POI would fall back to unpacking the stream into memory.
                return Read.refused(Kind.XLSX, 0, "damaged");
            }
            if (declared > MAX_TOTAL_BYTES) {
                return Read.refused(Kind.XLSX, 0, "unpacksTooLarge", MAX_TOTAL_BYTES / (1024 * 1024));
            }
            return sheets(file.toFile(), rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What the zip's directory says its parts unpack to (a lie is caught while reading); -1 if none. */
    private static long declaredSize(File file) {
        long total = 0;
        try (ZipFile zip = new ZipFile(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                total += Math.max(0, entries.nextElement().getSize());
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private static Read sheets(File file, Rows rows) {
        Budget budget = new Budget();
        boolean any = false;
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int index = 0;
            while (sheets.hasNext()) {
                try (InputStream sheet = budget.count(sheets.next())) {
                    SheetRows handler = new SheetRows(sheets.getSheetName(), index++, rows);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(
                            reader.getStylesTable(), null, strings, handler, new RawNumbers(), false));
                    try {
                        parser.parse(new InputSource(sheet));
                    } finally {
                        any |= handler.any;
                    }
                }
            }
        } catch (Exception e) {
            CallerFailed failed = find(e, CallerFailed.class);
            if (failed != null) {
                throw failed;
            }
            if (find(e, StopReading.class) != null) {
                return new Read(Kind.XLSX, null);
            }
            if (find(e, Budget.Exceeded.class) != null || bomb(e)) {
                return Read.refused(Kind.XLSX, 0, "unpacksTooLarge", MAX_TOTAL_BYTES / (1024 * 1024));
            }
            return Read.refused(Kind.XLSX, 0, "damaged");
        }
        return any ? new Read(Kind.XLSX, null) : Read.refused(Kind.XLSX, 0, "empty");
    }

    /** POI's own refusals: a part too large, too compressed or too many parts. */
    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (message.startsWith("Zip bomb detected")
                            || message.startsWith("The file appears to be potentially malicious"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Hands a row on; what the caller throws is told apart from what the file is. */
    private static boolean take(Rows rows, Row row) {
        try {
            return rows.take(row);
        } catch (RuntimeException e) {
            throw new CallerFailed(e);
        }
    }

    /** The caller failed taking a row (e.g. its database did): not a problem of the file. */
    private static final class CallerFailed extends RuntimeException {
        final RuntimeException failure;

        CallerFailed(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, int... bytes) {
        if (content.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((content[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The sheets' bytes as read, against {@link #MAX_TOTAL_BYTES}. */
    private static final class Budget {

        private long left = MAX_TOTAL_BYTES;

        InputStream count(InputStream sheet) {
            return new FilterInputStream(sheet) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        spend(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        spend(n);
                    }
                    return n;
                }
            };
        }

        private void spend(long bytes) {
            left -= bytes;
            if (left < 0) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }
    }

    /** Numbers as stored (shortest exact text), never through the cell's display format. */
    private static final class RawNumbers extends DataFormatter {
        RawNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return NumberToTextConverter.toText(value);
        }
    }

    /** Thrown from inside the sheet parser when the caller needs no more rows. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Collects a row's cells by column and hands each non-blank row on. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final int index;
        private final Rows rows;
        private List<String> cells = new ArrayList<>();
        boolean any;

        SheetRows(String sheet, int index, Rows rows) {
            this.sheet = sheet;
            this.index = index;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (blank(cells)) {
                return;
            }
            any = true;
            if (!take(rows, new Row(sheet, index, rowNum + 1L, cells))) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            // By position, not in order of arrival: a cell edited by some tools holds both its old inline
            // text and a new value, and is reported twice; the later (the value) wins, as POI reads it.
            cells.set(column, value == null ? "" : value);
        }
    }
}
