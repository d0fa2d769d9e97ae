package fi.hyte.plan.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * An uploaded XLSX or CSV file as tables of text cells, one per sheet. XLSX is read as a stream
 * (POI's event API), numbers and dates as stored rather than as displayed, formulas by their last
 * computed value. CSV is UTF-8 (with or without BOM) or Windows-1252, as Excel saves it, separated by
 * ; , or tab. What cannot be read is refused with a reason: an encrypted workbook or an old .xls, a
 * damaged file, neither XLSX nor CSV, a sheet of more rows than any plan has.
 */
final class SheetFile {

    /** More rows than a plan has measures, by far: what a sheet may hold before reading stops. */
    static final int MAX_ROWS = 20_000;

    /** More columns than the sheets have: the rest of a row is not read. */
    private static final int MAX_COLUMNS = 100;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** One row: its number as the spreadsheet shows it (1 = the first row) and its cells. */
    record Line(long number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** One sheet (a CSV file is one) by name. */
    record Table(String name, List<Line> lines) {}

    /** The tables read, or the reason (a planexchange.problem.* key) the file could not be read. */
    record Content(List<Table> tables, String refusal) {

        static Content refused(String reason) {
            return new Content(List.of(), reason);
        }
    }

    private SheetFile() {}

    /** Reads the file; the name of a CSV's only table is the given one. */
    static Content read(String fileName, byte[] content, String csvTableName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            return Content.refused("empty");
        }
        if (startsWith(content, 'P', 'K', 3, 4)) {
            return workbook(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            // An OLE2 container: an encrypted XLSX or an old .xls; neither can be read.
            return Content.refused("encryptedOrXls");
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || name.endsWith(".ods")) {
            return Content.refused("damaged");
        }
        Charset charset = charsetOf(content);
        if (charset == null) {
            return Content.refused("notSpreadsheet");
        }
        return csv(content, charset, csvTableName);
    }

    private static Content workbook(byte[] content) {
        List<Table> tables = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                SheetRows rows = new SheetRows();
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(
                            reader.getStylesTable(), null, strings, rows, new RawNumbers(), false));
                    parser.parse(new InputSource(sheet));
                } catch (TooManyRows e) {
                    return Content.refused("tooManyRows");
                }
                tables.add(new Table(sheets.getSheetName(), rows.lines));
            }
        } catch (Exception e) {
            return Content.refused("damaged");
        }
        return new Content(tables, null);
    }

    private static Content csv(byte[] content, Charset charset, String tableName) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return Content.refused("encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String first = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = first.indexOf(';') >= 0 ? ';' : first.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (lines.size() >= MAX_ROWS) {
                    return Content.refused("tooManyRows");
                }
                List<String> cells = record.toList();
                lines.add(new Line(
                        record.getRecordNumber(),
                        new ArrayList<>(cells.subList(0, Math.min(cells.size(), MAX_COLUMNS)))));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv: an unterminated quote, for example.
            return Content.refused("csvSyntax");
        }
        return new Content(List.of(new Table(tableName, lines)), null);
    }

    /**
     * UTF-8 when the file decodes as UTF-8, else Windows-1252 (what Finnish Excel saves as "CSV");
     * null for what is neither (UTF-16, binary), so that the user hears it rather than sees mojibake.
     */
    private static Charset charsetOf(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return null;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            for (byte b : content) {
                int c = b & 0xFF;
                if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                    return null;
                }
            }
            return WINDOWS_1252;
        }
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

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects each row's cells by column; empty rows are kept out. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        final List<Line> lines = new ArrayList<>();
        private List<String> cells = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (lines.size() >= MAX_ROWS) {
                throw new TooManyRows();
            }
            lines.add(new Line(rowNum + 1L, cells));
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
