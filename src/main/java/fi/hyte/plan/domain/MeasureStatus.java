package fi.hyte.plan.domain;

/** Where a measure stands. */
public enum MeasureStatus {
    PLANNED,
    ONGOING,
    DONE,
    LATE,
    CANCELLED;

    /** Still to be carried out: not done and not cancelled. */
    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
