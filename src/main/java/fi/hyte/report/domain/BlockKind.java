package fi.hyte.report.domain;

/** What a live block of a section shows. */
public enum BlockKind {
    INDICATOR(true),
    SET_OVERVIEW(false),
    INEQUALITY(false),
    PLAN_PROGRESS(false),
    GOAL_PROGRESS(true),
    EVALUATIONS(false),
    MATURITY(false),
    JOYS_WORRIES(false),
    MINIMUM_DATA(false),
    WHAT_CHANGED(false),
    MEMBERS_INDICATOR(true),
    MEMBER_REPORTS(false),
    /** The share of key decisions assessed ex ante in each year of the report (the impact module's figure). */
    IMPACT_SHARE(false),
    /** A county's members' latest concluded maturity levels per criterion: the level most share and the spread. */
    MEMBERS_MATURITY(false),
    /** The joys and worries a county's members' residents raised, grouped by indicator, with how many members raised each. */
    MEMBERS_JOYS_WORRIES(false);

    private final boolean needsSubject;

    BlockKind(boolean needsSubject) {
        this.needsSubject = needsSubject;
    }

    /** Whether the block needs an indicator or a goal chosen. */
    public boolean needsSubject() {
        return needsSubject;
    }
}
