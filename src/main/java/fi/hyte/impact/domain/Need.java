package fi.hyte.impact.domain;

/** What the organisation's screening rules say of a case. */
public enum Need {
    REQUIRED,
    RECOMMENDED,
    NOT_REQUIRED
}
