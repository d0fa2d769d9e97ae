package fi.hyte.impact.web;

import fi.hyte.impact.domain.Cell;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** One cell of the matrix; version −1 when the user saw it empty; {@code hearings} of the case as its evidence. */
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
        Integer indicatorPick,
        List<UUID> hearings) {

    /** An indicator picked from the search results wins over a number typed in the field. */
    CellForm {
        version = version == null ? -1 : version;
        hearings = hearings == null
                ? List.of()
                : hearings.stream()
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
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
                null,
                c.hearingIds());
    }

    static CellForm empty(UUID alternative, String row, Cell.Term term) {
        return new CellForm(alternative, row, term, null, null, null, null, null, null, -1, null, List.of());
    }
}
