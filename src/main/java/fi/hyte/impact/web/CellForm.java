package fi.hyte.impact.web;

import fi.hyte.impact.domain.Cell;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** One cell of the matrix; version −1 when the user saw it empty. */
record CellForm(
        @NotNull(message = "{validation.required}") UUID alternative,
        @NotNull(message = "{validation.required}") String row,
        @NotNull(message = "{validation.required}") Cell.Term term,
        @NotNull(message = "{impact.validation.direction}") Cell.Direction direction,
        Cell.Magnitude magnitude,
        @Size(max = 4000, message = "{validation.tooLong}") String reasoning,
        @Size(max = 4000, message = "{validation.tooLong}") String evidence,
        Integer indicatorId,
        @Size(max = 4000, message = "{validation.tooLong}") String mitigation,
        Integer version,
        Integer indicatorPick) {

    /** An indicator picked from the search results wins over a number typed in the field. */
    CellForm {
        version = version == null ? -1 : version;
        indicatorId = indicatorPick != null ? indicatorPick : indicatorId;
    }

    static CellForm of(Cell c) {
        return new CellForm(
                c.alternativeId(),
                c.rowKey(),
                c.term(),
                c.direction(),
                c.magnitude(),
                c.reasoning(),
                c.evidence(),
                c.indicatorId(),
                c.mitigation(),
                c.version(),
                null);
    }

    static CellForm empty(UUID alternative, String row, Cell.Term term) {
        return new CellForm(alternative, row, term, null, null, null, null, null, null, -1, null);
    }
}
