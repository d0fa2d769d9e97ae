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
 * Hyte's template for an organisation's own indicators. The header row names the columns in the
 * user's language (the reader accepts Finnish, Swedish and English names alike); both templates
 * carry an example row, the CSV's as a row the reader skips, the XLSX's on its sheet of instructions.
 */
@Component
class ImportTemplates {

    private final MessageSource messages;

    ImportTemplates(MessageSource messages) {
        this.messages = messages;
    }

    /** The header and the example row in the user's language. */
    List<String> header(Locale locale) {
        return List.of(
                messages.getMessage("indicator.template.columns", null, locale).split(";"));
    }

    List<String> example(Locale locale) {
        return List.of(messages.getMessage("indicator.template.exampleRow", null, locale)
                .split(";", -1));
    }

    /**
     * The CSV template: its header and an example row written as a comment line ("#" first), which
     * the reader skips, so an untouched template imports nothing.
     */
    byte[] csv(Locale locale) {
        return ("\uFEFF" + String.join(";", header(locale)) + "\n# " + String.join(";", example(locale)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(Locale locale) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet values = workbook.createSheet(messages.getMessage("indicator.template.sheet", null, locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> names = header(locale);
            List<String> filled = example(locale);
            Row header = values.createRow(0);
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
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
            for (int i = 0; i < names.size(); i++) {
                exampleHeader.createCell(i).setCellValue(names.get(i));
                exampleHeader.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(filled.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
