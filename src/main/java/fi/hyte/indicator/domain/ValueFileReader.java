package fi.hyte.indicator.domain;

import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.files.Spreadsheets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads indicator values from the files people actually have, streaming row by row:
 * <ul>
 *   <li>Sotkanet's REST CSV ({@code indicator;region;year;gender;primary value;absolute value}, with
 *       {@code ;} or {@code ,});
 *   <li>Sotkanet's web export ({@code ;}, decimal comma, Latin-1 or UTF-8, with or without the header);
 *   <li>Hyte's template for an organisation's own indicators, as CSV or XLSX
 *       ({@code tunnus;nimi;yksikkö;alue;vuosi;sukupuoli;arvo;lukumäärä}).
 * </ul>
 * The file is read by {@link Spreadsheets} (charset, delimiter, workbook); here its rows become
 * {@link ValueRow}s, and what cannot be read a {@link FileProblem} with its line number. Whether
 * indicators and regions exist is checked later, against the database.
 */
public final class ValueFileReader {

    /** Files that are neither: how a value is written when it is missing or suppressed. */
    private static final List<String> MISSING = List.of("", ".", "..", "-", "NA", "na");

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

    /**
     * Reads the file through the application's one reader (its first sheet, if a workbook); rows
     * become {@link ValueRow}s, what cannot be read a problem with its line.
     */
    public static Summary read(
            Spreadsheets spreadsheets,
            String fileName,
            InputStream input,
            Consumer<ValueRow> rows,
            Consumer<FileProblem> problems) {
        Table table = new Table(rows, problems);
        Spreadsheets.Read read = spreadsheets.read(fileName, input, row -> {
            if (row.sheetIndex() > 0) {
                return false;
            }
            List<String> cells = new ArrayList<>(row.cells().size());
            for (String cell : row.cells()) {
                cells.add(cell.strip());
            }
            return table.take(row.number(), cells);
        });
        if (read.refusal() != null) {
            problems.accept(read.refusal());
            return table.summary();
        }
        return table.end();
    }

    /** Rows of a CSV file or a sheet as they come: the first decides the layout, the rest are values. */
    private static final class Table {

        private final Consumer<ValueRow> rows;
        private final Consumer<FileProblem> problems;
        private Layout layout;
        private boolean headerRefused;
        private long count;

        Table(Consumer<ValueRow> rows, Consumer<FileProblem> problems) {
            this.rows = rows;
            this.problems = problems;
        }

        /** Takes one row; false when the file cannot be read further (its header is not known). */
        boolean take(long line, List<String> cells) {
            if (!cells.isEmpty() && cells.get(0).startsWith("#")) {
                return true; // a comment, e.g. the template's example row
            }
            if (layout == null) {
                layout = Layout.of(cells);
                if (layout == null) {
                    problems.accept(FileProblem.of(line, "indicator.problem.header"));
                    headerRefused = true;
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
            if (layout == null && !headerRefused) {
                problems.accept(FileProblem.of(0, "files.problem.empty"));
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

        /** Reads one data row; a row with problems reports every one of them and becomes no value. */
        void row(long line, List<String> cells, Consumer<ValueRow> rows, Consumer<FileProblem> problems) {
            int before = cells.size();
            if (format == Format.SOTKANET && before < columns.get(Column.VALUE) + 1) {
                problems.accept(
                        FileProblem.of(line, "indicator.problem.columns", columns.get(Column.VALUE) + 1, before));
                return;
            }
            boolean refused = false;
            Integer indicator = null;
            String code = null;
            if (format == Format.SOTKANET) {
                String id = cell(cells, Column.INDICATOR);
                if (isDigits(id, 9)) {
                    indicator = Integer.valueOf(id);
                } else {
                    problems.accept(FileProblem.of(line, "indicator.problem.indicatorId", id));
                    refused = true;
                }
            } else {
                code = cell(cells, Column.CODE);
                if (code.isEmpty() || code.length() > 60) {
                    problems.accept(FileProblem.of(line, "indicator.problem.code"));
                    refused = true;
                }
            }
            String yearText = cell(cells, Column.YEAR);
            if (!isYear(yearText)) {
                problems.accept(FileProblem.of(line, "indicator.problem.year", yearText));
                refused = true;
            }
            String genderText = cell(cells, Column.GENDER);
            Gender gender = Gender.parse(genderText).orElse(null);
            if (gender == null) {
                problems.accept(FileProblem.of(line, "indicator.problem.gender", genderText));
                refused = true;
            }
            String value = number(cell(cells, Column.VALUE));
            String absolute = number(cell(cells, Column.ABSOLUTE));
            if (value == null) {
                problems.accept(FileProblem.of(line, "indicator.problem.number", cell(cells, Column.VALUE)));
                refused = true;
            }
            if (absolute == null) {
                problems.accept(FileProblem.of(line, "indicator.problem.number", cell(cells, Column.ABSOLUTE)));
                refused = true;
            }
            if (refused) {
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
