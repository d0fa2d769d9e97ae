package fi.hyte.plan.domain;

/** Whether a goal or measure was realised in the year evaluated. */
public enum Realisation {
    YES,
    PARTLY,
    NO
}
