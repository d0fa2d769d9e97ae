package fi.hyte.indicator.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Hyte's template for an organisation's own indicators. The header row is what the reader looks
 * for (Finnish; Swedish and English names are accepted too); the XLSX has a sheet of instructions.
 */
@Component
class ImportTemplates {

    static final List<String> HEADER =
            List.of("tunnus", "nimi", "yksikkö", "alue", "vuosi", "sukupuoli", "arvo", "lukumäärä");

    /** A filled-in row, shown on the help sheet. */
    static final List<String> EXAMPLE = List.of(
            "kysely-liikunta", "Liikkuu päivittäin, % 8.–9.-luokkalaisista", "%", "245", "2025", "naiset", "44,0", "");

    private final MessageSource messages;

    ImportTemplates(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv() {
        return ("\uFEFF" + String.join(";", HEADER) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(Locale locale) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet values = workbook.createSheet(messages.getMessage("indicator.template.sheet", null, locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = values.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(bold);
                values.setColumnWidth(i, i == 1 ? 40 * 256 : 14 * 256);
            }
            values.createFreezePane(0, 1);
            Sheet help = workbook.createSheet(messages.getMessage("indicator.template.helpSheet", null, locale));
            for (int i = 0; i < 9; i++) {
                help.createRow(i)
                        .createCell(0)
                        .setCellValue(messages.getMessage("indicator.template.help." + i, null, locale));
            }
            // An example row, on the help sheet so that an untouched template never imports it.
            help.createRow(10)
                    .createCell(0)
                    .setCellValue(messages.getMessage("indicator.template.example", null, locale));
            Row exampleHeader = help.createRow(11);
            Row example = help.createRow(12);
            for (int i = 0; i < HEADER.size(); i++) {
                exampleHeader.createCell(i).setCellValue(HEADER.get(i));
                exampleHeader.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(EXAMPLE.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
