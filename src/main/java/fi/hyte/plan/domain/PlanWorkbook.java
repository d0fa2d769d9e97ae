package fi.hyte.plan.domain;

import fi.hyte.plan.domain.PlanSheets.Column;
import fi.hyte.plan.domain.PlanSheets.Layout;
import fi.hyte.plan.domain.PlanSheets.Source;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NotFoundException;
import fi.hyte.platform.OrganisationId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan as a spreadsheet for budget preparation and the yearly evaluation: an XLSX of the
 * measures (all, or those of one responsible sector), the goals and instructions, or a CSV of the
 * measures. Everything is locked but the status, progress and evaluation cells, which are filled
 * light yellow and offer their choices; the sheet protection has no password, because it only
 * guards against slips: {@link PlanRoundTrip} checks every cell that comes back. Hidden columns
 * carry the versions exported, so that the import can tell what someone else changed meanwhile.
 * Text that a spreadsheet would take for a formula is written as text (see {@link FormulaGuard}).
 */
@Service
@Transactional(readOnly = true)
public class PlanWorkbook {

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An export: its file name, media type and content. */
    public record Export(String fileName, String contentType, byte[] content) {}

    private final PlanSheets sheets;
    private final ZoneId zone;

    PlanWorkbook(PlanSheets sheets, @Value("${hyte.time-zone}") String zone) {
        this.sheets = sheets;
        this.zone = ZoneId.of(zone);
    }

    /** The year evaluated by default: this year in Finland, within the plan's period. */
    public int defaultYear(Plan plan) {
        int year = LocalDate.now(zone).getYear();
        return Math.max(plan.firstYear(), Math.min(plan.lastYear(), year));
    }

    /**
     * The plan as XLSX in the given language.
     *
     * @param sector only the measures this sector is responsible for (and their goals); null for all
     * @param year the year whose evaluations the sheets hold; null for {@link #defaultYear}
     */
    public Export xlsx(OrganisationId organisation, UUID plan, UUID sector, Integer year, Locale locale) {
        Source source = sheets.read(organisation, plan);
        int evaluated = year(source, year);
        checkSector(source, sector);
        // Streamed (SXSSF): rows are written straight to XML rather than built as XMLBeans objects cell
        // by cell, which makes a plan of 500 measures several times faster to write. Nothing goes back
        // to an earlier row (the totals row only refers to them), so the window can be small.
        // Shared strings, as Excel writes them: tools that edit the file in place handle them best.
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, true);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook, locale);
            List<Measure> measures = sheets.measures(source, sector);
            List<Map<Column, Object>> measureRows = new ArrayList<>(measures.size());
            for (Measure m : measures) {
                measureRows.add(sheets.measure(source, m, evaluated, locale));
            }
            SXSSFSheet measureSheet = sheet(workbook, styles, Layout.MEASURES, measureRows, locale);
            sums(measureSheet, styles, measureRows.size(), locale);
            List<Map<Column, Object>> goalRows = new ArrayList<>();
            for (Goal g : sheets.goals(source, sector)) {
                goalRows.add(sheets.goal(source, g, evaluated, locale));
            }
            sheet(workbook, styles, Layout.GOALS, goalRows, locale);
            help(workbook, source, sector, evaluated, locale);
            workbook.setActiveSheet(0);
            workbook.write(out);
            return new Export(fileName(source, sector, locale, "xlsx"), XLSX_TYPE, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /**
     * The measures sheet as CSV for Finnish Excel: ; between fields, UTF-8 with a byte order mark,
     * headers, choices, numbers and dates in the given language.
     */
    public Export csv(OrganisationId organisation, UUID plan, UUID sector, Integer year, Locale locale) {
        Source source = sheets.read(organisation, plan);
        int evaluated = year(source, year);
        checkSector(source, sector);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .get();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, format)) {
            writer.write('\uFEFF');
            List<Column> columns = Layout.MEASURES.columns;
            csv.printRecord(columns.stream().map(c -> sheets.header(c, locale)).toList());
            for (Measure m : sheets.measures(source, sector)) {
                Map<Column, Object> row = sheets.measure(source, m, evaluated, locale);
                List<String> fields = new ArrayList<>(columns.size());
                for (Column column : columns) {
                    Object value = row.get(column);
                    fields.add(value instanceof String text ? FormulaGuard.csv(text) : sheets.display(value, locale));
                }
                csv.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(fileName(source, sector, locale, "csv"), "text/csv;charset=UTF-8", out.toByteArray());
    }

    private int year(Source source, Integer year) {
        Plan plan = source.plan().plan();
        if (year == null) {
            return defaultYear(plan);
        }
        if (!plan.covers(year)) {
            throw new NotFoundException("year");
        }
        return year;
    }

    private static void checkSector(Source source, UUID sector) {
        if (sector != null && !source.sectors().containsKey(sector)) {
            throw new NotFoundException("sector");
        }
    }

    /** E.g. hyvinvointisuunnitelma-2025-2029-vapaa-aika.xlsx: the plan's period and the sector, in ASCII. */
    String fileName(Source source, UUID sector, Locale locale, String extension) {
        Plan plan = source.plan().plan();
        StringBuilder name = new StringBuilder(sheets.message("planexchange.file.name", locale))
                .append('-')
                .append(plan.firstYear())
                .append('-')
                .append(plan.lastYear());
        if (sector != null) {
            LocalizedText sectorName = source.sectors().get(sector);
            String slug = slug(sectorName == null ? "" : sectorName.in(locale));
            if (!slug.isEmpty()) {
                name.append('-').append(slug);
            }
        }
        return slug(name.toString()) + "." + extension;
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return plain.length() > 80 ? plain.substring(0, 80) : plain;
    }

    private SXSSFSheet sheet(
            SXSSFWorkbook workbook, Styles styles, Layout layout, List<Map<Column, Object>> rows, Locale locale) {
        SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheets.sheetName(layout, locale)));
        List<Column> columns = layout.columns;
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Cell cell = header.createCell(i);
            cell.setCellValue(sheets.header(column, locale));
            cell.setCellStyle(column.editable ? styles.editableHeader : styles.header);
            sheet.setColumnWidth(i, column.width * 256);
            if (column.hidden()) {
                sheet.setColumnHidden(i, true);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Map<Column, Object> values = rows.get(r);
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                Object value = values.get(column);
                Cell cell = row.createCell(i);
                write(cell, column, value, styles, locale);
            }
        }
        sheet.createFreezePane(1, 1);
        if (!rows.isEmpty()) {
            validations(sheet, columns, rows.size(), locale);
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, columns.size() - 1));
        }
        protect(sheet);
        return sheet;
    }

    private void write(Cell cell, Column column, Object value, Styles styles, Locale locale) {
        boolean editable = column.editable;
        if (value == null) {
            cell.setCellStyle(styles.of(editable, column, false));
            return;
        }
        if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Integer number) {
            cell.setCellValue(number);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof String text) {
            cell.setCellValue(text);
            cell.setCellStyle(styles.of(editable, column, FormulaGuard.risky(text)));
            return;
        } else {
            cell.setCellValue(sheets.display(value, locale));
        }
        cell.setCellStyle(styles.of(editable, column, false));
    }

    /** Status and realised as drop-down lists of their names, progress as a whole number 0–100. */
    private void validations(SXSSFSheet sheet, List<Column> columns, int rows, Locale locale) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            DataValidationConstraint constraint = switch (column) {
                case STATUS ->
                    helper.createExplicitListConstraint(Arrays.stream(MeasureStatus.values())
                            .map(s -> sheets.name(s, locale))
                            .toArray(String[]::new));
                case REALISED ->
                    helper.createExplicitListConstraint(Arrays.stream(Realisation.values())
                            .map(r -> sheets.name(r, locale))
                            .toArray(String[]::new));
                case PROGRESS ->
                    helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "100");
                default -> null;
            };
            if (constraint == null) {
                continue;
            }
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, rows, i, i));
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.setShowErrorBox(true);
            validation.setEmptyCellAllowed(column != Column.STATUS && column != Column.PROGRESS);
            validation.createErrorBox(
                    sheets.header(column, locale),
                    sheets.message("planexchange.validation." + column.key, locale, sheets.choices(column, locale)));
            if (column != Column.PROGRESS) {
                // In XSSF, true shows the drop-down arrow (the name is the other way round).
                validation.setSuppressDropDownArrow(true);
            }
            sheet.addValidationData(validation);
        }
    }

    /** A total row under the measures for person-years, euros and grant euros. */
    private void sums(SXSSFSheet sheet, Styles styles, int rows, Locale locale) {
        if (rows == 0) {
            return;
        }
        List<Column> columns = Layout.MEASURES.columns;
        Row total = sheet.createRow(rows + 1);
        Cell label = total.createCell(columns.indexOf(Column.MEASURE));
        label.setCellValue(sheets.message("planexchange.total", locale));
        label.setCellStyle(styles.total);
        for (Column column : List.of(Column.WORK_YEARS, Column.EUROS, Column.GRANT_EUROS)) {
            int i = columns.indexOf(column);
            String letter = CellReference.convertNumToColString(i);
            Cell cell = total.createCell(i);
            cell.setCellFormula("SUM(" + letter + "2:" + letter + (rows + 1) + ")");
            cell.setCellStyle(styles.totalNumber);
        }
    }

    private void help(SXSSFWorkbook workbook, Source source, UUID sector, int year, Locale locale) {
        SXSSFSheet help = workbook.createSheet(
                WorkbookUtil.createSafeSheetName(sheets.message("planexchange.sheet.help", locale)));
        Plan plan = source.plan().plan();
        String scope = sector == null
                ? sheets.message("planexchange.help.allSectors", locale)
                : source.sectors().get(sector).in(locale);
        Object[] args = {
            plan.title().in(locale),
            plan.firstYear() + "–" + plan.lastYear(),
            scope,
            String.valueOf(year),
            sheets.sheetName(Layout.MEASURES, locale),
            sheets.sheetName(Layout.GOALS, locale)
        };
        CellStyle title = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setFontHeightInPoints((short) 13);
        title.setFont(bold);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        for (int i = 0; i < HELP_LINES; i++) {
            Cell cell = help.createRow(i).createCell(0);
            cell.setCellValue(sheets.message("planexchange.help." + i, locale, args));
            cell.setCellStyle(i == 0 ? title : wrap);
        }
        help.setColumnWidth(0, 110 * 256);
        protect(help);
    }

    /** Rows kept in memory while writing; older ones go to a temporary file, removed at the end. */
    private static final int ROW_WINDOW = 200;

    /** How many lines the instructions sheet has (planexchange.help.0 …). */
    static final int HELP_LINES = 12;

    private static void protect(SXSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    /** The workbook's cell styles, made once each: locked or editable, by kind, quote-prefixed or not. */
    private static final class Styles {

        private static final byte[] EDITABLE_FILL = {(byte) 0xFF, (byte) 0xF4, (byte) 0xC2};
        private static final byte[] HEADER_FILL = {(byte) 0xE4, (byte) 0xE8, (byte) 0xEE};

        final XSSFCellStyle header;
        final XSSFCellStyle editableHeader;
        final XSSFCellStyle total;
        final XSSFCellStyle totalNumber;
        private final SXSSFWorkbook workbook;
        private final Locale locale;
        private final Map<String, XSSFCellStyle> made = new HashMap<>();

        Styles(SXSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = (XSSFCellStyle) workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            editableHeader = (XSSFCellStyle) workbook.createCellStyle();
            editableHeader.cloneStyleFrom(header);
            editableHeader.setFillForegroundColor(new XSSFColor(EDITABLE_FILL, null));
            total = (XSSFCellStyle) workbook.createCellStyle();
            total.setFont(bold);
            totalNumber = (XSSFCellStyle) workbook.createCellStyle();
            totalNumber.setFont(bold);
            totalNumber.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        }

        XSSFCellStyle of(boolean editable, Column column, boolean quoted) {
            String key = editable + "/" + column.kind + "/" + column.wraps() + "/" + quoted;
            return made.computeIfAbsent(key, k -> {
                XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
                style.setLocked(!editable);
                style.setVerticalAlignment(VerticalAlignment.TOP);
                style.setWrapText(column.wraps());
                style.setQuotePrefixed(quoted);
                switch (column.kind) {
                    case DATE ->
                        style.setDataFormat(workbook.createDataFormat().getFormat(PlanSheets.dateFormat(locale)));
                    case NUMBER ->
                        style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                    case INTEGER ->
                        style.setDataFormat(workbook.createDataFormat().getFormat("0"));
                    default -> style.setDataFormat(workbook.createDataFormat().getFormat("@"));
                }
                if (editable) {
                    style.setFillForegroundColor(new XSSFColor(EDITABLE_FILL, null));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    style.setBorderBottom(BorderStyle.HAIR);
                    style.setBorderRight(BorderStyle.HAIR);
                }
                return style;
            });
        }
    }
}
