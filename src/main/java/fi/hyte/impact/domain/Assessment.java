package fi.hyte.impact.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A case with everything its pages, summary and export read: template, alternatives, cells, hearings, follow-ups. */
public record Assessment(
        DecisionCase decisionCase,
        TemplateContent template,
        List<Alternative> alternatives,
        List<Cell> cells,
        List<Hearing> hearings,
        List<FollowUp> followUps,
        Screening.Result screening) {

    public Optional<Cell> cell(UUID alternative, String row, Cell.Term term) {
        return Optional.ofNullable(index().get(alternative + "|" + row + "|" + term));
    }

    private Map<String, Cell> index() {
        Map<String, Cell> map = new HashMap<>();
        cells.forEach(c -> map.put(c.alternativeId() + "|" + c.rowKey() + "|" + c.term(), c));
        return map;
    }

    /** Every cell keyed "alternative|row|term", for a page that looks up many. */
    public Map<String, Cell> cellsByKey() {
        return index();
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
