package fi.hyte.impact;

import fi.hyte.impact.domain.DecisionCases;
import fi.hyte.platform.OrganisationId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of the impact assessments: the share of key decisions assessed in a
 * year (for the wellbeing report and the maturity evidence).
 */
@Service
@Transactional(readOnly = true)
public class ImpactCatalog {

    private final DecisionCases cases;

    ImpactCatalog(DecisionCases cases) {
        this.cases = cases;
    }

    /**
     * Of a year's decided cases whose rules said an assessment is required, how many had one frozen
     * before the decision date, with the child and gender parts counted apart, and the skipped ones
     * with their reasons. {@code share} is null when there is no such case ("no data", never 0).
     */
    public Share shareAssessed(OrganisationId organisation, int year) {
        List<DecisionCases.ShareRow> rows = cases.decidedRequired(organisation, year);
        long decided = rows.stream().filter(r -> r.skippedReason() == null).count();
        long required = rows.size();
        long assessed =
                rows.stream().filter(DecisionCases.ShareRow::assessedInTime).count();
        long child = rows.stream()
                .filter(r -> r.assessedInTime() && r.needs().childPartOpen())
                .count();
        long gender = rows.stream()
                .filter(r -> r.assessedInTime() && r.needs().genderPartOpen())
                .count();
        List<Skipped> skipped = rows.stream()
                .filter(r -> r.skippedReason() != null)
                .map(r -> new Skipped(r.id(), r.title(), r.skippedReason()))
                .toList();
        return new Share(
                year,
                required,
                decided,
                assessed,
                child,
                gender,
                required == 0 ? null : Math.round(100.0 * assessed / required),
                skipped);
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
}
