package fi.hyte.participation.domain;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A consultation's summary as an XLSX workbook: a sheet of figures (the summary page's) and a sheet
 * of the published comments, each answer to a comment on the row under it, grouped under it as an
 * outline level. It never holds e-mail addresses, client hashes, removed or held texts, nor a
 * respondent's age group or area (those only in aggregate, small groups as "< 5"). Every text cell
 * is a string marked quote-prefixed, so a text beginning with = + - @, a tab or a carriage return
 * stays text and is never read as a formula. Streamed, so the heap stays bounded.
 */
@Component
public class SummaryWorkbook {

    private final Summaries summaries;
    private final YouSaidWeDid loop;
    private final Consultations consultations;
    private final MessageSource messages;

    SummaryWorkbook(Summaries summaries, YouSaidWeDid loop, Consultations consultations, MessageSource messages) {
        this.summaries = summaries;
        this.loop = loop;
        this.consultations = consultations;
        this.messages = messages;
    }

    public void write(OrganisationId organisation, UUID consultation, Locale locale, OutputStream out)
            throws IOException {
        Summaries.Summary summary = summaries.of(organisation, consultation);
        // Streamed, 200 rows in memory, strings inline: a shared strings table would hold every text
        // of 20,000 answers in memory and look each up (issue 14 §9).
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, false);
        try {
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            text.setWrapText(true);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setQuotePrefixed(true);
            Cells cells = new Cells(text, bold);

            SXSSFSheet figures = workbook.createSheet(
                    WorkbookUtil.createSafeSheetName(msg("participation.summary.sheet.figures", locale)));
            int r = 0;
            r = cells.row(figures, r, true, summary.consultation().title().in(locale));
            r = cells.row(
                    figures, r, false, msg("participation.summary.respondents", locale), summary.respondentsShown());
            r++;
            r = cells.row(figures, r, true, msg("participation.summary.sections", locale));
            for (Summaries.SectionCount s : summary.sections()) {
                r = cells.row(
                        figures,
                        r,
                        false,
                        join(s.section().ref(), s.section().title().in(locale)),
                        Long.toString(s.comments()));
            }
            r++;
            r = cells.row(figures, r, true, msg("participation.summary.questions", locale));
            for (Summaries.QuestionCount q : summary.questions()) {
                r = cells.row(figures, r, false, q.question().text().in(locale), Long.toString(q.answers()));
                List<LocalizedText> labels = Summaries.labels(q.question());
                for (int i = 0; i < q.counts().size(); i++) {
                    r = cells.row(
                            figures,
                            r,
                            false,
                            "  " + labels.get(i).in(locale),
                            Long.toString(q.counts().get(i)));
                }
                if (q.mean() != null) {
                    r = cells.row(
                            figures,
                            r,
                            false,
                            "  " + msg("participation.summary.mean", locale),
                            q.mean().toPlainString());
                }
            }
            r++;
            r = cells.row(figures, r, true, msg("participation.summary.themes", locale));
            for (Summaries.ThemeCount t : summary.themes()) {
                r = cells.row(
                        figures,
                        r,
                        false,
                        t.theme().title().in(locale),
                        Long.toString(t.theme().comments()),
                        t.outcome() == null
                                ? msg("participation.loop.unanswered", locale)
                                : msg("participation.outcome." + t.outcome(), locale));
            }
            r++;
            // The councils' statements in full, each with its outcome and the answer's text.
            r = cells.row(figures, r, true, msg("participation.loop.statements", locale));
            for (Summaries.StatementCount sc : summary.statements()) {
                CouncilStatements.Statement st = sc.statement();
                if (st.state().equals("GIVEN")) {
                    r = cells.row(
                            figures,
                            r,
                            false,
                            st.bodyName().in(locale),
                            msg(
                                    "participation.loop.statementMeeting",
                                    locale,
                                    java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(st.meetingDate()),
                                    st.meetingSection() == null ? "" : st.meetingSection()),
                            st.text().in(locale),
                            sc.answer() == null
                                    ? msg("participation.loop.unanswered", locale)
                                    : msg("participation.outcome." + sc.answer().outcome(), locale),
                            sc.answer() == null || sc.answer().text().fi() == null
                                    ? ""
                                    : sc.answer().text().in(locale));
                } else {
                    r = cells.row(
                            figures,
                            r,
                            false,
                            st.bodyName().in(locale),
                            msg("participation.councils.state.NONE", locale));
                }
            }
            r = cells.row(
                    figures,
                    r,
                    false,
                    msg("participation.summary.feedback", locale),
                    Long.toString(summary.feedback().received()),
                    Long.toString(summary.feedback().answered()));
            r++;
            r = cells.row(figures, r, true, msg("participation.summary.ageGroups", locale));
            for (Summaries.Group g : summary.ageGroups()) {
                r = cells.row(
                        figures,
                        r,
                        false,
                        msg("participation.summary.group." + g.key(), locale),
                        g.shown(),
                        g.population() == null
                                ? ""
                                : g.population().toPlainString() + " % (" + g.populationYear() + ")");
            }
            r++;
            r = cells.row(figures, r, true, msg("participation.summary.areas", locale));
            for (Summaries.Group g : summary.areas()) {
                r = cells.row(
                        figures,
                        r,
                        false,
                        g.key().equals("UNKNOWN") ? msg("participation.summary.group.UNKNOWN", locale) : g.key(),
                        g.shown());
            }
            if (!summary.unheard().isEmpty()) {
                r++;
                r = cells.row(figures, r, true, msg("participation.summary.unheard", locale));
                for (String g : summary.unheard()) {
                    r = cells.row(figures, r, false, msg("participation.summary.noAnswersFrom." + g, locale));
                }
            }
            figures.setColumnWidth(0, 60 * 256);
            figures.setColumnWidth(1, 14 * 256);
            figures.setColumnWidth(2, 30 * 256);

            SXSSFSheet comments = workbook.createSheet(
                    WorkbookUtil.createSafeSheetName(msg("participation.summary.sheet.comments", locale)));
            comments.setRowSumsBelow(false);
            r = cells.row(
                    comments,
                    0,
                    true,
                    msg("participation.summary.column.kind", locale),
                    msg("participation.summary.column.part", locale),
                    msg("participation.summary.column.author", locale),
                    msg("participation.summary.column.text", locale),
                    msg("participation.summary.column.theme", locale),
                    msg("participation.summary.column.links", locale));
            Map<UUID, String> parts = new java.util.HashMap<>();
            consultations
                    .sections(organisation, consultation)
                    .forEach(s -> parts.put(s.id(), join(s.ref(), s.title().in(locale))));
            consultations
                    .questions(organisation, consultation)
                    .forEach(q -> parts.put(q.id(), q.text().in(locale)));
            Map<UUID, String> themes = new java.util.HashMap<>();
            loop.themes(organisation, consultation)
                    .forEach(t -> themes.put(t.id(), t.title().in(locale)));
            Map<UUID, YouSaidWeDid.Answer> answers = loop.answers(organisation, consultation);
            for (YouSaidWeDid.Comment c : loop.comments(organisation, consultation)) {
                r = cells.row(
                        comments,
                        r,
                        false,
                        msg("participation.summary.kind.comment", locale),
                        parts.getOrDefault(c.section() != null ? c.section() : c.question(), ""),
                        c.nickname() == null
                                ? msg("participation.public.consultation.anonymous", locale)
                                : c.nickname(),
                        c.text(),
                        c.theme() == null ? "" : themes.getOrDefault(c.theme(), ""),
                        "");
                YouSaidWeDid.Answer a = answers.get(c.id());
                if (a == null && c.theme() != null) {
                    a = answers.get(c.theme());
                }
                if (a != null) {
                    int replyRow = r;
                    r = cells.row(
                            comments,
                            r,
                            false,
                            "  " + msg("participation.summary.kind.reply", locale) + ": "
                                    + msg("participation.outcome." + a.outcome(), locale),
                            "",
                            "",
                            join(a.text().in(locale), a.elsewhereUrl()),
                            answers.containsKey(c.id()) ? "" : themes.getOrDefault(c.theme(), ""),
                            String.join(
                                    ", ",
                                    a.links().stream()
                                            .map(YouSaidWeDid.Link::ref)
                                            .toList()));
                    comments.groupRow(replyRow, replyRow);
                }
            }
            comments.setColumnWidth(0, 28 * 256);
            comments.setColumnWidth(1, 36 * 256);
            comments.setColumnWidth(2, 18 * 256);
            comments.setColumnWidth(3, 80 * 256);
            comments.setColumnWidth(4, 28 * 256);
            comments.setColumnWidth(5, 20 * 256);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    /** Writes rows of string cells, every one marked as text. */
    private record Cells(CellStyle text, CellStyle bold) {

        int row(Sheet sheet, int index, boolean heading, String... values) {
            Row row = sheet.createRow(index);
            for (int i = 0; i < values.length; i++) {
                var cell = row.createCell(i);
                cell.setCellValue(values[i] == null ? "" : values[i]);
                cell.setCellStyle(heading ? bold : text);
            }
            return index + 1;
        }
    }
}
