package fi.hyte.maturity.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Something the organisation will do to move a criterion up a level. */
public record DevelopmentAction(
        UUID id,
        UUID roundId,
        String criterion,
        String title,
        String owner,
        LocalDate dueOn,
        boolean done,
        int version) {}
