package fi.hyte.impact.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A case with everything its pages, summary and export read: template, alternatives, cells, hearings,
 * follow-ups. A class rather than a record only so that it can keep its cells indexed once: the
 * matrix, the summary and the exports look up every cell, and building the index per look-up made
 * them grow with the square of the cells (480 for 4 alternatives × 60 rows × 2 terms).
 */
public final class Assessment {

    private final DecisionCase decisionCase;
    private final TemplateContent template;
    private final List<Alternative> alternatives;
    private final List<Cell> cells;
    private final List<Hearing> hearings;
    private final List<FollowUp> followUps;
    private final Screening.Result screening;
    private final Map<String, Cell> byKey;
    private final long revision;

    /** An assessment not read as the organisation's current data (e.g. a frozen version): never kept. */
    public Assessment(
            DecisionCase decisionCase,
            TemplateContent template,
            List<Alternative> alternatives,
            List<Cell> cells,
            List<Hearing> hearings,
            List<FollowUp> followUps,
            Screening.Result screening) {
        this(decisionCase, template, alternatives, cells, hearings, followUps, screening, -1);
    }

    /**
     * @param revision the organisation's revision of its cases read before this assessment was (−1:
     *     unknown); what is computed from the assessment may be kept by it
     */
    Assessment(
            DecisionCase decisionCase,
            TemplateContent template,
            List<Alternative> alternatives,
            List<Cell> cells,
            List<Hearing> hearings,
            List<FollowUp> followUps,
            Screening.Result screening,
            long revision) {
        this.revision = revision;
        this.decisionCase = decisionCase;
        this.template = template;
        this.alternatives = alternatives;
        this.cells = cells;
        this.hearings = hearings;
        this.followUps = followUps;
        this.screening = screening;
        Map<String, Cell> map = new HashMap<>();
        cells.forEach(c -> map.put(key(c.alternativeId(), c.rowKey(), c.term()), c));
        this.byKey = Collections.unmodifiableMap(map);
    }

    /** The organisation's revision of its cases as of reading this assessment; −1 when unknown. */
    public long revision() {
        return revision;
    }

    public DecisionCase decisionCase() {
        return decisionCase;
    }

    public TemplateContent template() {
        return template;
    }

    public List<Alternative> alternatives() {
        return alternatives;
    }

    public List<Cell> cells() {
        return cells;
    }

    public List<Hearing> hearings() {
        return hearings;
    }

    public List<FollowUp> followUps() {
        return followUps;
    }

    public Screening.Result screening() {
        return screening;
    }

    public Optional<Cell> cell(UUID alternative, String row, Cell.Term term) {
        return Optional.ofNullable(byKey.get(key(alternative, row, term)));
    }

    /** Every cell keyed "alternative|row|term", for a page that looks up many. */
    public Map<String, Cell> cellsByKey() {
        return byKey;
    }

    private static String key(UUID alternative, String row, Cell.Term term) {
        return alternative + "|" + row + "|" + term;
    }

    public Optional<Alternative> proposal() {
        return alternatives.stream()
                .filter(a -> a.kind() == Alternative.Kind.PROPOSAL)
                .findFirst();
    }

    /** The alternative the decision chose, or else the proposal: whose impacts count. */
    public Optional<Alternative> counted() {
        UUID chosen = decisionCase.decision().alternative();
        if (chosen != null) {
            return alternatives.stream().filter(a -> a.id().equals(chosen)).findFirst();
        }
        return proposal();
    }

    /** Rows with at least one impact other than none, for the filter. */
    public boolean rowHasImpact(String row) {
        return cells.stream().anyMatch(c -> c.rowKey().equals(row) && c.direction() != Cell.Direction.NONE);
    }
}
