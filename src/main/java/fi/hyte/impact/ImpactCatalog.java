package fi.hyte.impact;

import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.plan.GoalDecisions;
import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the impact assessments: the share of key decisions assessed in a
 * year (for the wellbeing report and the maturity evidence), by deciding body and sector, and the
 * decisions that touched a plan goal (the plan's goal page reads them as {@link GoalDecisions}).
 */
@Service
@Transactional(readOnly = true)
public class ImpactCatalog implements GoalDecisions {

    private static final Locale[] LANGUAGES = {
        Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("en")
    };

    private final DecisionCases cases;
    private final MessageSource messages;

    ImpactCatalog(DecisionCases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    /**
     * Of a year's decided cases whose rules said an assessment is required, how many had one frozen
     * before the decision date, with the child and gender parts counted apart, and the skipped ones
     * with their reasons. {@code share} is null when there is no such case ("no data", never 0).
     */
    public Share shareAssessed(OrganisationId organisation, int year) {
        return share(year, cases.decidedRequired(organisation, year));
    }

    /**
     * The year's share in total and broken down by deciding body and by sector (a case without one
     * is counted under {@code null}), each with LAVA and SUVA apart: one query.
     */
    public ShareReport shareReport(OrganisationId organisation, int year) {
        List<DecisionCases.ShareRow> rows = cases.decidedRequired(organisation, year);
        return new ShareReport(
                share(year, rows),
                Counts.of(null, rows),
                groups(rows, DecisionCases.ShareRow::bodyId),
                groups(rows, DecisionCases.ShareRow::sectorId));
    }

    private static Share share(int year, List<DecisionCases.ShareRow> rows) {
        Counts counts = Counts.of(null, rows);
        List<Skipped> skipped = rows.stream()
                .filter(r -> r.skippedReason() != null)
                .map(r -> new Skipped(r.id(), r.title(), r.skippedReason()))
                .toList();
        return new Share(
                year,
                counts.required(),
                counts.required() - skipped.size(),
                counts.assessed(),
                counts.childAssessed(),
                counts.genderAssessed(),
                counts.share(),
                skipped);
    }

    private static List<Counts> groups(List<DecisionCases.ShareRow> rows, Function<DecisionCases.ShareRow, UUID> key) {
        Map<UUID, List<DecisionCases.ShareRow>> by = new LinkedHashMap<>();
        rows.forEach(
                r -> by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return by.entrySet().stream()
                .map(e -> Counts.of(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Counts c) -> c.id() == null).thenComparing(c -> -c.required()))
                .toList();
    }

    /** The share of key decisions assessed; share is a whole percent of {@code required}, or null. */
    public record Share(
            int year,
            long required,
            long decided,
            long assessed,
            long withChildPart,
            long withGenderPart,
            Long share,
            List<Skipped> skipped) {}

    /** A required assessment skipped, with its recorded reason. */
    public record Skipped(UUID caseId, String title, String reason) {}

    /** The organisation's decision cases by title, with their diary numbers (e.g. for the search). */
    public List<CaseTitle> caseTitles(OrganisationId organisation) {
        return cases.of(organisation).stream()
                .map(c -> new CaseTitle(c.id(), c.title(), c.diaryNumber()))
                .toList();
    }

    /** One decision case: its title, diary number (or null) and page. */
    public record CaseTitle(UUID id, fi.hyte.platform.LocalizedText title, String diaryNumber) {
        public String path() {
            return "/impact/cases/" + id;
        }
    }

    /** The year's share in total ({@code total} as {@link #shareAssessed}, {@code all} as counts), by deciding body and by sector. */
    public record ShareReport(Share total, Counts all, List<Counts> byBody, List<Counts> bySector) {}

    /**
     * One body's or sector's (or, with a null id, those without one) required cases: how many were
     * assessed before the decision; of those whose LAVA needs test said yes, how many had the child
     * part assessed in time; the same for SUVA's gender part; how many were skipped. The shares are
     * whole percents, null without cases.
     */
    public record Counts(
            UUID id,
            long required,
            long assessed,
            long childRequired,
            long childAssessed,
            long genderRequired,
            long genderAssessed,
            long skipped) {

        static Counts of(UUID id, List<DecisionCases.ShareRow> rows) {
            long childRequired =
                    rows.stream().filter(r -> r.needs().childPartOpen()).count();
            long genderRequired =
                    rows.stream().filter(r -> r.needs().genderPartOpen()).count();
            return new Counts(
                    id,
                    rows.size(),
                    rows.stream().filter(DecisionCases.ShareRow::assessedInTime).count(),
                    childRequired,
                    rows.stream()
                            .filter(r -> r.assessedInTime() && r.needs().childPartOpen())
                            .count(),
                    genderRequired,
                    rows.stream()
                            .filter(r -> r.assessedInTime() && r.needs().genderPartOpen())
                            .count(),
                    rows.stream().filter(r -> r.skippedReason() != null).count());
        }

        public Long share() {
            return percent(assessed, required);
        }

        public Long childShare() {
            return percent(childAssessed, childRequired);
        }

        public Long genderShare() {
            return percent(genderAssessed, genderRequired);
        }

        private static Long percent(long part, long whole) {
            return whole == 0 ? null : Math.round(100.0 * part / whole);
        }
    }

    /** The decisions whose follow-up is linked to the goal, with the expected direction and the outcome. */
    @Override
    public List<GoalDecisions.Decision> touching(OrganisationId organisation, UUID goal) {
        return cases.touchingGoal(organisation, goal).stream()
                .map(t -> new GoalDecisions.Decision(
                        t.title(), "/impact/cases/" + t.caseId(), t.decidedOn(), direction(t)))
                .toList();
    }

    @Override
    public String listPath(UUID goal) {
        return "/impact/decisions?goal=" + goal;
    }

    private LocalizedText direction(DecisionCases.GoalTouch t) {
        String[] words = new String[LANGUAGES.length];
        for (int i = 0; i < LANGUAGES.length; i++) {
            Locale language = LANGUAGES[i];
            String expected = t.expected() == null
                    ? messages.getMessage("impact.noData", null, language)
                    : messages.getMessage("impact.expected." + t.expected(), null, language);
            String text = messages.getMessage("impact.touch.direction", new Object[] {t.what(), expected}, language);
            if (t.outcome() != null) {
                text += " · " + messages.getMessage("impact.outcome." + t.outcome(), null, language);
            }
            words[i] = text;
        }
        return new LocalizedText(words[0], words[1], words[2]);
    }
}
