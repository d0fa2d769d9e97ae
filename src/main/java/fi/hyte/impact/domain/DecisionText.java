package fi.hyte.impact.domain;

import fi.hyte.platform.format.Formats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The plain-language summary for the decision proposal, generated from the assessment in Finnish or
 * Swedish (English too), at most {@value #MAX} characters: whether and why it was assessed, the
 * alternatives, the main impacts by group, the child and gender findings, hearings, mitigation and
 * follow-up. The preparer may edit it; the edited text is kept beside the generated one.
 */
@Service
public class DecisionText {

    public static final int MAX = 2500;

    private final MessageSource messages;
    private final ZoneId zone;

    DecisionText(MessageSource messages, @Value("${hyte.time-zone}") String zone) {
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** The edited text in that language when there is one, else the generated one. */
    public String current(Assessment a, List<CaseReading.Finding> findings, Locale language) {
        String edited = switch (language.getLanguage()) {
            case "sv" -> a.decisionCase().summarySv();
            case "fi" -> a.decisionCase().summaryFi();
            default -> null;
        };
        return edited != null ? edited : generate(a, findings, language);
    }

    public String generate(Assessment a, List<CaseReading.Finding> findings, Locale language) {
        Formats fmt = new Formats(language, zone);
        List<String> parts = new ArrayList<>();
        DecisionCase c = a.decisionCase();
        if (c.status() == CaseStatus.NOT_ASSESSED) {
            parts.add(msg(language, "impact.text.notAssessed", c.notAssessedReason()));
        } else if (a.screening() == null) {
            parts.add(msg(language, "impact.text.notScreened"));
        } else if (a.screening().exclusion() != null) {
            parts.add(msg(
                    language,
                    "impact.text.excluded",
                    a.template().exclusions().stream()
                            .filter(e -> e.key().equals(a.screening().exclusion()))
                            .map(e -> e.label().in(language))
                            .findFirst()
                            .orElse(a.screening().exclusion())));
        } else {
            String rules = a.screening().fired().stream()
                    .map(key -> a.template()
                            .rule(key)
                            .map(r -> r.label().in(language))
                            .orElse(key))
                    .collect(Collectors.joining("; "));
            parts.add(msg(language, "impact.text.need." + a.screening().need())
                    + (rules.isEmpty() ? "" : " " + msg(language, "impact.text.because", rules)));
        }
        if (!a.alternatives().isEmpty()) {
            String alternatives = a.alternatives().stream()
                    .map(alt -> alt.name().in(language)
                            + (alt.costEuros() == null ? "" : " (" + fmt.euros(alt.costEuros()) + ")"))
                    .collect(Collectors.joining("; "));
            parts.add(msg(language, "impact.text.alternatives", alternatives));
        }
        a.counted().ifPresent(counted -> {
            List<String> impacts = new ArrayList<>();
            for (TemplateContent.Row row : a.template().rows()) {
                List<String> terms = new ArrayList<>();
                for (Cell.Term term : Cell.Term.values()) {
                    a.cell(counted.id(), row.key(), term)
                            .filter(x -> x.direction() != Cell.Direction.NONE)
                            .ifPresent(x -> terms.add(msg(language, "impact.term." + term) + ": "
                                    + msg(language, "impact.direction." + x.direction())
                                            .toLowerCase(language)
                                    + (x.magnitude() == null
                                            ? ""
                                            : ", "
                                                    + msg(language, "impact.magnitude." + x.magnitude())
                                                            .toLowerCase(language))));
                }
                if (!terms.isEmpty()) {
                    impacts.add(row.label().in(language) + " (" + String.join("; ", terms) + ")");
                }
            }
            parts.add(
                    impacts.isEmpty()
                            ? msg(
                                    language,
                                    "impact.text.noImpacts",
                                    counted.name().in(language))
                            : msg(
                                    language,
                                    "impact.text.impacts",
                                    counted.name().in(language),
                                    String.join(", ", impacts)));
            List<String> mitigation = a.cells().stream()
                    .filter(x -> x.alternativeId().equals(counted.id())
                            && x.mitigation() != null
                            && !x.mitigation().isBlank())
                    .map(x -> x.mitigation().strip())
                    .distinct()
                    .toList();
            if (!mitigation.isEmpty()) {
                parts.add(msg(language, "impact.text.mitigation", String.join(" ", mitigation)));
            }
        });
        NeedsTests needs = c.needs();
        if (needs.lavaAnswered()) {
            parts.add(
                    needs.childPartOpen()
                            ? msg(
                                    language,
                                    "impact.text.child",
                                    orDash(needs.childHearing()),
                                    orDash(needs.childBestInterest()))
                            : msg(language, "impact.text.noChild"));
        }
        if (needs.suvaAnswered()) {
            parts.add(
                    needs.genderPartOpen()
                            ? msg(
                                    language,
                                    "impact.text.gender",
                                    java.util.stream.Stream.of(
                                                    needs.genderRepresentation(),
                                                    needs.genderOpportunities(),
                                                    needs.genderResources(),
                                                    needs.genderRisks())
                                            .filter(t -> t != null && !t.isBlank())
                                            .map(String::strip)
                                            .collect(Collectors.joining(" ")))
                            : msg(language, "impact.text.noGender"));
        }
        if (!a.hearings().isEmpty()) {
            parts.add(msg(
                    language,
                    "impact.text.hearings",
                    a.hearings().stream()
                            .map(h -> msg(language, "impact.heard." + h.who())
                                    + (h.participants() == null ? "" : " (" + fmt.integer(h.participants()) + ")")
                                    + evidenceFor(a, h, language))
                            .collect(Collectors.joining(", "))));
        }
        long accumulating = findings.stream()
                .filter(f -> f.kind() == CaseReading.Finding.Kind.ACCUMULATING)
                .count();
        if (accumulating > 0) {
            parts.add(msg(
                    language,
                    "impact.text.accumulating",
                    findings.stream()
                            .filter(f -> f.kind() == CaseReading.Finding.Kind.ACCUMULATING)
                            .flatMap(f -> f.cases().stream())
                            .distinct()
                            .collect(Collectors.joining(", "))));
        }
        List<String> crossings = findings.stream()
                .filter(f -> f.kind() != CaseReading.Finding.Kind.ACCUMULATING)
                .map(f -> msg(
                        language,
                        "impact.cross." + f.kind(),
                        a.template()
                                .row(f.row())
                                .map(r -> r.label().in(language))
                                .orElse(f.row()),
                        String.join(", ", f.cases())))
                .distinct()
                .toList();
        if (!crossings.isEmpty()) {
            parts.add(msg(language, "impact.text.crossCheck", String.join(" ", crossings)));
        }
        if (!a.followUps().isEmpty()) {
            parts.add(msg(
                    language,
                    "impact.text.followUp",
                    a.followUps().stream()
                            .map(f -> f.what() + (f.dueOn() == null ? "" : " (" + fmt.date(f.dueOn()) + ")"))
                            .collect(Collectors.joining("; "))));
        }
        boolean assessed = c.status() != CaseStatus.NOT_ASSESSED
                && a.screening() != null
                && a.screening().exclusion() == null;
        // The organisation's own opening and closing sentences (template wording), for an assessed case.
        String intro = assessed ? a.template().wording("intro", language) : null;
        if (intro != null && !intro.isBlank()) {
            parts.add(0, intro.strip());
        }
        String closing = assessed ? a.template().wording("closing", language) : null;
        if (closing != null && !closing.isBlank()) {
            parts.add(closing.strip());
        }
        String text = String.join("\n\n", parts);
        return text.length() <= MAX ? text : text.substring(0, MAX - 1).strip() + "…";
    }

    private String msg(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, language);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text.strip();
    }

    /** The rows whose cells of the counted alternative have the hearing as evidence, as words; "" when none. */
    private String evidenceFor(Assessment a, Hearing h, Locale language) {
        UUID counted = a.counted().map(Alternative::id).orElse(null);
        List<String> rows = a.template().rows().stream()
                .filter(r -> a.cells().stream()
                        .anyMatch(x -> x.alternativeId().equals(counted)
                                && x.rowKey().equals(r.key())
                                && x.hearingIds().contains(h.id())))
                .map(r -> r.label().in(language))
                .toList();
        return rows.isEmpty() ? "" : " " + msg(language, "impact.text.hearingEvidence", String.join(", ", rows));
    }
}
