package fi.hyte.impact.domain;

import fi.hyte.platform.document.Document;
import fi.hyte.platform.document.Document.Column;
import fi.hyte.platform.document.Document.Paragraph;
import fi.hyte.platform.document.Document.Section;
import fi.hyte.platform.document.Document.Table;
import fi.hyte.platform.format.Formats;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The whole assessment as a platform {@link Document}, for the tagged PDF and the DOCX. */
@Service
public class AssessmentDocument {

    private final MessageSource messages;
    private final DecisionText text;
    private final ZoneId zone;

    AssessmentDocument(MessageSource messages, DecisionText text, @Value("${hyte.time-zone}") String zone) {
        this.messages = messages;
        this.text = text;
        this.zone = ZoneId.of(zone);
    }

    public Document of(Assessment a, List<CaseReading.Finding> findings, String organisation, Locale language) {
        Formats fmt = new Formats(language, zone);
        DecisionCase c = a.decisionCase();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(
                m(language, "impact.summary"), List.of(new Paragraph(text.current(a, findings, language)))));

        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of(m(language, "impact.case.status"), m(language, "impact.status." + c.status())));
        facts.add(List.of(m(language, "impact.case.diaryNumber"), orDash(c.diaryNumber())));
        facts.add(List.of(m(language, "impact.case.meetingOn"), c.meetingOn() == null ? "–" : fmt.date(c.meetingOn())));
        facts.add(List.of(
                m(language, "impact.screening.need"),
                a.screening() == null
                        ? m(language, "impact.noData")
                        : m(language, "impact.need." + a.screening().need())));
        if (c.description().in(language) != null) {
            facts.add(List.of(
                    m(language, "impact.case.description"), c.description().in(language)));
        }
        sections.add(new Section(
                m(language, "impact.case.details"),
                List.of(new Table(
                        m(language, "impact.case.details"),
                        List.of(
                                new Column(m(language, "impact.doc.item"), false),
                                new Column(m(language, "impact.doc.value"), false)),
                        facts))));

        List<List<String>> alternatives = a.alternatives().stream()
                .map(alt -> List.of(
                        alt.name().in(language),
                        m(language, "impact.alternative.kind." + alt.kind()),
                        alt.costEuros() == null ? m(language, "impact.noData") : fmt.euros(alt.costEuros())))
                .toList();
        sections.add(new Section(
                m(language, "impact.alternatives"),
                List.of(new Table(
                        m(language, "impact.alternatives"),
                        List.of(
                                new Column(m(language, "impact.alternative.name"), false),
                                new Column(m(language, "impact.alternative.kind"), false),
                                new Column(m(language, "impact.alternative.cost"), true)),
                        alternatives))));

        List<Section> terms = new ArrayList<>();
        for (Cell.Term term : Cell.Term.values()) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(m(language, "impact.matrix.row"), false));
            a.alternatives().forEach(alt -> columns.add(new Column(alt.name().in(language), false)));
            List<List<String>> rows = new ArrayList<>();
            for (TemplateContent.Row row : a.template().rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(row.label().in(language));
                for (Alternative alt : a.alternatives()) {
                    cells.add(a.cell(alt.id(), row.key(), term)
                            .map(x -> describe(x, language))
                            .orElse(m(language, "impact.cell.notAssessed")));
                }
                rows.add(cells);
            }
            terms.add(new Section(
                    m(language, "impact.term." + term),
                    List.of(new Table(m(language, "impact.term." + term), columns, rows))));
        }
        sections.add(new Section(m(language, "impact.matrix"), null, List.of(), terms));

        List<Document.Block> needs = new ArrayList<>();
        NeedsTests n = c.needs();
        needs.add(
                new Paragraph(m(language, "impact.needs.concernsPeople") + " " + yesNo(n.concernsPeople(), language)));
        needs.add(new Paragraph(m(language, "impact.needs.gendersDiffer") + " " + yesNo(n.gendersDiffer(), language)));
        if (n.genderPartOpen()) {
            needs.add(new Paragraph(
                    m(language, "impact.needs.genderRepresentation") + ": " + orDash(n.genderRepresentation())));
            needs.add(new Paragraph(
                    m(language, "impact.needs.genderOpportunities") + ": " + orDash(n.genderOpportunities())));
            needs.add(new Paragraph(m(language, "impact.needs.genderResources") + ": " + orDash(n.genderResources())));
            needs.add(new Paragraph(m(language, "impact.needs.genderRisks") + ": " + orDash(n.genderRisks())));
        }
        needs.add(new Paragraph(
                m(language, "impact.needs.concernsChildren") + " " + yesNo(n.concernsChildren(), language)));
        if (n.childPartOpen()) {
            needs.add(new Paragraph(m(language, "impact.needs.childHearing") + ": " + orDash(n.childHearing())));
            needs.add(new Paragraph(
                    m(language, "impact.needs.childBestInterest") + ": " + orDash(n.childBestInterest())));
        }
        sections.add(new Section(m(language, "impact.needs"), needs));

        List<List<String>> hearings = a.hearings().stream()
                .map(h -> List.of(
                        m(language, "impact.heard." + h.who()),
                        h.heldOn() == null ? "–" : fmt.date(h.heldOn()),
                        orDash(h.method()),
                        h.participants() == null ? "–" : fmt.integer(h.participants()),
                        orDash(h.said()),
                        orDash(h.done())))
                .toList();
        sections.add(new Section(
                m(language, "impact.hearings"),
                hearings.isEmpty()
                        ? List.of(new Paragraph(m(language, "impact.hearings.none")))
                        : List.of(new Table(
                                m(language, "impact.hearings"),
                                List.of(
                                        new Column(m(language, "impact.hearing.who"), false),
                                        new Column(m(language, "impact.hearing.heldOn"), false),
                                        new Column(m(language, "impact.hearing.method"), false),
                                        new Column(m(language, "impact.hearing.participants"), true),
                                        new Column(m(language, "impact.hearing.said"), false),
                                        new Column(m(language, "impact.hearing.done"), false)),
                                hearings))));

        List<Document.Block> cross = new ArrayList<>();
        if (findings.isEmpty()) {
            cross.add(new Paragraph(m(language, "impact.cross.none")));
        }
        findings.forEach(f -> cross.add(new Paragraph(finding(f, a, language))));
        sections.add(new Section(m(language, "impact.cross"), cross));

        List<Document.Block> sources = new ArrayList<>();
        a.template().sources().forEach(s -> sources.add(new Paragraph(s.name() + " – " + s.url())));
        sections.add(
                new Section(m(language, "impact.sources"), sources.isEmpty() ? List.of(new Paragraph("–")) : sources));

        return new Document(
                c.title().in(language),
                m(language, "impact.doc.subtitle"),
                organisation,
                fmt.date(LocalDate.now(zone)),
                language,
                sections);
    }

    /** A finding in words. */
    public String finding(CaseReading.Finding f, Assessment a, Locale language) {
        String row = f.row().startsWith("area:")
                ? f.row().substring(5)
                : a.template().row(f.row()).map(r -> r.label().in(language)).orElse(f.row());
        return m(language, "impact.cross." + f.kind(), row, String.join(", ", f.cases()));
    }

    private String describe(Cell x, Locale language) {
        StringBuilder s = new StringBuilder(m(language, "impact.direction." + x.direction()));
        if (x.magnitude() != null) {
            s.append(", ")
                    .append(m(language, "impact.magnitude." + x.magnitude()).toLowerCase(language));
        }
        if (x.reasoning() != null) {
            s.append(". ").append(x.reasoning());
        }
        if (x.indicatorSnapshot() != null) {
            s.append(" (").append(x.indicatorSnapshot()).append(')');
        }
        if (x.hearingSnapshot() != null) {
            s.append(" ").append(m(language, "impact.cell.hearingsShort", x.hearingSnapshot()));
        }
        return s.toString();
    }

    private String yesNo(Boolean answer, Locale language) {
        return answer == null
                ? m(language, "impact.needs.unanswered")
                : m(language, answer ? "impact.yes" : "impact.no");
    }

    private String m(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, language);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }
}
