package fi.hyte.impact.domain;

import java.util.Set;

/** Where a decision case stands; READY freezes the assessment, NOT_ASSESSED records why none was made. */
public enum CaseStatus {
    DRAFT,
    ASSESSING,
    READY,
    DECIDED,
    FOLLOW_UP,
    CLOSED,
    NOT_ASSESSED;

    /** Whether the assessment itself (screening, needs tests, alternatives, cells, hearings) may change. */
    public boolean assessmentOpen() {
        return this == DRAFT || this == ASSESSING;
    }

    public boolean reopenable() {
        return REOPENABLE.contains(this);
    }

    private static final Set<CaseStatus> REOPENABLE = Set.of(READY, DECIDED, NOT_ASSESSED);
}
