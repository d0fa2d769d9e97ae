package fi.hyte.maturity.domain;

/** A round collects answers (OPEN), then the group agrees the levels (REVIEW), then it is final (CLOSED). */
public enum RoundStatus {
    OPEN,
    REVIEW,
    CLOSED
}
