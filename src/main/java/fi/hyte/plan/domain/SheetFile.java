package fi.hyte.plan.domain;

import fi.hyte.platform.files.FileProblem;
import fi.hyte.platform.files.Spreadsheets;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded plan file as tables of text cells, one per sheet (a CSV file is one), read by the
 * application's one reader ({@link Spreadsheets}). A sheet of more rows than any plan has is refused.
 */
final class SheetFile {

    /** More rows than a plan has measures, by far: what a file may hold before reading stops. */
    static final int MAX_ROWS = 20_000;

    /** One row: its number as the spreadsheet shows it (1 = the first row) and its cells. */
    record Line(long number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** One sheet (a CSV file is one) by name. */
    record Table(String name, List<Line> lines) {}

    /** The tables read, or the reason the file could not be read. */
    record Content(List<Table> tables, FileProblem refusal) {

        static Content refused(FileProblem reason) {
            return new Content(List.of(), reason);
        }
    }

    private SheetFile() {}

    /** Reads the file; the name of a CSV's only table is the given one. */
    static Content read(Spreadsheets spreadsheets, String fileName, byte[] content, String csvTableName) {
        Map<Integer, Table> tables = new LinkedHashMap<>();
        int[] count = {0};
        Spreadsheets.Read read = spreadsheets.read(fileName, new ByteArrayInputStream(content), row -> {
            if (++count[0] > MAX_ROWS) {
                return false;
            }
            tables.computeIfAbsent(
                            row.sheetIndex(),
                            i -> new Table(row.sheet() == null ? csvTableName : row.sheet(), new ArrayList<>()))
                    .lines()
                    .add(new Line(row.number(), row.cells()));
            return true;
        });
        if (read.refusal() != null) {
            return Content.refused(read.refusal());
        }
        if (count[0] > MAX_ROWS) {
            return Content.refused(FileProblem.of(0, "planexchange.problem.tooManyRows"));
        }
        return new Content(List.copyOf(tables.values()), null);
    }
}
