package fi.hyte.report.domain;

/** Where a report is in its handling; only a draft's texts and blocks can be changed. */
public enum ReportStatus {
    DRAFT,
    REVIEW,
    /** Locked: the bodies decide on exactly the content they read. */
    FOR_DECISION,
    APPROVED,
    PUBLISHED;

    public boolean editable() {
        return this == DRAFT || this == REVIEW;
    }
}
