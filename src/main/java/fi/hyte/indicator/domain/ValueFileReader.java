package fi.hyte.indicator.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads indicator values from the files people actually have, streaming row by row:
 * <ul>
 *   <li>Sotkanet's REST CSV ({@code indicator;region;year;gender;primary value;absolute value}, with
 *       {@code ;} or {@code ,});
 *   <li>Sotkanet's web export ({@code ;}, decimal comma, Latin-1 or UTF-8, with or without the header);
 *   <li>Hyte's template for an organisation's own indicators, as CSV or XLSX
 *       ({@code tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä}).
 * </ul>
 * Rows become {@link ValueRow}s; what cannot be read becomes a {@link Problem} with its line number.
 * Whether indicators and regions exist is checked later, against the database.
 */
public final class ValueFileReader {

    /** Files that are neither: how a value is written when it is missing or suppressed. */
    private static final List<String> MISSING = List.of("", ".", "..", "-", "NA", "na");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\x{00A0}\\x{202F}]");

    public enum Format {
        SOTKANET,
        LOCAL_TEMPLATE
    }

    enum Column {
        INDICATOR("indicator", "indikaattori", "indikator", "indicator id"),
        REGION("region", "alue", "område", "region id"),
        YEAR("year", "vuosi", "år"),
        GENDER("gender", "sukupuoli", "kön", "sex"),
        VALUE("primary value", "value", "arvo", "värde", "primary.value"),
        ABSOLUTE("absolute value", "absoluuttinen arvo", "lukumäärä", "absolut värde", "antal", "absolute.value"),
        CODE("code", "tunnus", "kod"),
        TITLE("title", "nimi", "namn"),
        UNIT("unit", "yksikkö", "enhet");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column named(String header) {
            String name = header.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
            return Arrays.stream(values())
                    .filter(c -> c.names.contains(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What was read: the format recognised and how many data rows the file had. */
    public record Summary(Format format, long rows) {}

    private ValueFileReader() {}

    public static Summary read(InputStream input, Consumer<ValueRow> rows, Consumer<Problem> problems) {
        try {
            BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 16);
            in.reset();
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return readWorkbook(in, rows, problems);
            }
            Charset charset = charsetOf(head);
            if (charset == null) {
                problems.accept(Problem.of(0, "encoding"));
                return new Summary(null, 0);
            }
            return readText(in, charset, rows, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * UTF-8 when the start of the file decodes as UTF-8, else Windows-1252, the superset of Latin-1
     * (Sotkanet's older web export and Excel's CSV);
     * null for what is neither (UTF-16, binary), so that the user hears it rather than sees mojibake.
     */
    private static Charset charsetOf(byte[] head) {
        if (head.length >= 2
                && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return null;
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
            // Windows-1252 (what Finnish Excel saves as "CSV") covers Latin-1's letters and adds € – ” ’;
            // its five undefined bytes mean the file is something else.
            for (byte b : head) {
                int c = b & 0xFF;
                if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                    return null;
                }
            }
            return WINDOWS_1252;
        }
    }

    private static Summary readText(
            InputStream in, Charset charset, Consumer<ValueRow> rows, Consumer<Problem> problems) throws IOException {
        Reader reader = new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        java.io.BufferedReader lines = new java.io.BufferedReader(reader, 1 << 16);
        lines.mark(1 << 14);
        String first = lines.readLine();
        while (first != null && first.isBlank()) {
            first = lines.readLine();
        }
        if (first == null) {
            problems.accept(Problem.of(0, "empty"));
            return new Summary(null, 0);
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        try {
            lines.reset();
        } catch (IOException e) {
            // A first line longer than the mark can hold is no header Hyte knows.
            problems.accept(Problem.of(1, "header"));
            return new Summary(null, 0);
        }
        char delimiter = first.indexOf(';') >= 0 ? ';' : first.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        Table table = new Table(rows, problems);
        try (CSVParser parser = CSVParser.parse(lines, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                if (!table.take(parser.getCurrentLineNumber(), cells)) {
                    return table.summary();
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof org.apache.commons.csv.CSVException) {
                problems.accept(Problem.of(table.count + 1, "syntax"));
                return table.summary();
            }
            if (e.getCause() instanceof CharacterCodingException) {
                problems.accept(Problem.of(table.count + 1, "encoding"));
                return table.summary();
            }
            throw e;
        } catch (CharacterCodingException e) {
            problems.accept(Problem.of(table.count + 1, "encoding"));
            return table.summary();
        } catch (IllegalStateException e) {
            // commons-csv: an unterminated quote, for example.
            problems.accept(Problem.of(table.count + 1, "syntax"));
            return table.summary();
        }
        return table.end();
    }

    /**
     * The first sheet of an XLSX, read as a stream of rows (POI's event API): a workbook is never held
     * in memory whole, however many rows it has. Numbers are taken as stored, not as the cell's
     * display format shows them (a cell shown as 12,3 may hold 12.34), and formulas by their last
     * computed value.
     */
    private static Summary readWorkbook(InputStream in, Consumer<ValueRow> rows, Consumer<Problem> problems) {
        Table table = new Table(rows, problems);
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return table.end();
            }
            SheetRows handler = new SheetRows(table);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, handler, new RawNumbers(), false));
                parser.parse(new InputSource(sheet));
            } catch (StopReading stop) {
                return table.summary();
            }
            return table.end();
        } catch (StopReading stop) {
            return table.summary();
        } catch (Exception e) {
            problems.accept(Problem.of(0, "workbook"));
            return new Summary(null, 0);
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

    /** Thrown from inside the sheet parser when the header is not known: reading stops there. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Collects a row's cells by column and hands each finished row to the table. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Table table;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Table table) {
            this.table = table;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (!table.take(rowNum + 1L, new ArrayList<>(cells))) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }

    /** Rows of a CSV file or a sheet as they come: the first decides the layout, the rest are values. */
    private static final class Table {

        private final Consumer<ValueRow> rows;
        private final Consumer<Problem> problems;
        private Layout layout;
        private long count;

        Table(Consumer<ValueRow> rows, Consumer<Problem> problems) {
            this.rows = rows;
            this.problems = problems;
        }

        /** Takes one row; false when the file cannot be read further (its header is not known). */
        boolean take(long line, List<String> cells) {
            if (layout == null) {
                layout = Layout.of(cells);
                if (layout == null) {
                    problems.accept(Problem.of(line, "header"));
                    return false;
                }
                if (layout.hasHeader()) {
                    return true;
                }
            }
            count++;
            layout.row(line, cells, rows, problems);
            return true;
        }

        Summary summary() {
            return new Summary(layout == null ? null : layout.format(), count);
        }

        Summary end() {
            if (layout == null) {
                problems.accept(Problem.of(0, "empty"));
            }
            return summary();
        }
    }

    /** Where each column is: from the header row, or Sotkanet's order when the file has no header. */
    private record Layout(Format format, Map<Column, Integer> columns, boolean hasHeader) {

        static Layout of(List<String> first) {
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            for (int i = 0; i < first.size(); i++) {
                Column column = Column.named(first.get(i));
                if (column != null && !columns.containsKey(column)) {
                    columns.put(column, i);
                }
            }
            if (columns.containsKey(Column.CODE)) {
                return columns.containsKey(Column.YEAR) && columns.containsKey(Column.VALUE)
                        ? new Layout(Format.LOCAL_TEMPLATE, columns, true)
                        : null;
            }
            if (columns.containsKey(Column.INDICATOR)) {
                return columns.containsKey(Column.REGION)
                                && columns.containsKey(Column.YEAR)
                                && columns.containsKey(Column.VALUE)
                        ? new Layout(Format.SOTKANET, columns, true)
                        : null;
            }
            if (first.size() >= 5
                    && first.get(0).chars().allMatch(Character::isDigit)
                    && !first.get(0).isEmpty()) {
                Column[] order = {
                    Column.INDICATOR, Column.REGION, Column.YEAR, Column.GENDER, Column.VALUE, Column.ABSOLUTE
                };
                for (int i = 0; i < order.length; i++) {
                    columns.put(order[i], i);
                }
                return new Layout(Format.SOTKANET, columns, false);
            }
            return null;
        }

        void row(long line, List<String> cells, Consumer<ValueRow> rows, Consumer<Problem> problems) {
            int before = cells.size();
            if (format == Format.SOTKANET && before < columns.get(Column.VALUE) + 1) {
                problems.accept(Problem.of(line, "columns", columns.get(Column.VALUE) + 1, before));
                return;
            }
            Integer indicator = null;
            String code = null;
            if (format == Format.SOTKANET) {
                String id = cell(cells, Column.INDICATOR);
                if (!isDigits(id, 9)) {
                    problems.accept(Problem.of(line, "indicatorId", id));
                    return;
                }
                indicator = Integer.valueOf(id);
            } else {
                code = cell(cells, Column.CODE);
                if (code.isEmpty() || code.length() > 60) {
                    problems.accept(Problem.of(line, "code"));
                    return;
                }
            }
            String yearText = cell(cells, Column.YEAR);
            if (!isYear(yearText)) {
                problems.accept(Problem.of(line, "year", yearText));
                return;
            }
            String genderText = cell(cells, Column.GENDER);
            Gender gender = Gender.parse(genderText).orElse(null);
            if (gender == null) {
                problems.accept(Problem.of(line, "gender", genderText));
                return;
            }
            String value = number(cell(cells, Column.VALUE));
            String absolute = number(cell(cells, Column.ABSOLUTE));
            if (value == null) {
                problems.accept(Problem.of(line, "number", cell(cells, Column.VALUE)));
                return;
            }
            if (absolute == null) {
                problems.accept(Problem.of(line, "number", cell(cells, Column.ABSOLUTE)));
                return;
            }
            rows.accept(new ValueRow(
                    line,
                    indicator,
                    code,
                    blankToNull(cell(cells, Column.TITLE)),
                    blankToNull(cell(cells, Column.UNIT)),
                    cell(cells, Column.REGION),
                    Integer.parseInt(yearText),
                    gender,
                    value.isEmpty() ? null : value,
                    absolute.isEmpty() ? null : absolute));
        }

        private String cell(List<String> cells, Column column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index);
        }
    }

    /**
     * A value in canonical form (decimal point, no spaces): "" when missing or suppressed, null when
     * not a number. The digits are kept as written, so 9,70 stays 9.70.
     */
    static String number(String text) {
        if (isPlainNumber(text)) {
            return text;
        }
        if (MISSING.contains(text.strip())) {
            return "";
        }
        String canonical = SPACES.matcher(text).replaceAll("").replace(',', '.').replace('\u2212', '-');
        if (canonical.startsWith("+")) {
            canonical = canonical.substring(1);
        }
        return NUMBER.matcher(canonical).matches() && canonical.length() <= 40 ? canonical : null;
    }

    /** 1 to max digits and nothing else. Row checks run per value, so no streams or regexes here. */
    static boolean isDigits(String text, int max) {
        int length = text.length();
        if (length == 0 || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isYear(String text) {
        return isDigits(text, 4)
                && text.length() == 4
                && (text.startsWith("19") || text.startsWith("20") || text.startsWith("21"));
    }

    /** The usual case, already canonical: digits with at most one inner decimal point, maybe a minus. */
    private static boolean isPlainNumber(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (length == start || length > 40) {
            return false;
        }
        boolean point = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point || i == start || i == length - 1) {
                    return false;
                }
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
