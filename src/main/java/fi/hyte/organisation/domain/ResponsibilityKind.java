package fi.hyte.organisation.domain;

/** Named responsibilities of wellbeing and health promotion. */
public enum ResponsibilityKind {
    ACCOUNTABLE_MANAGEMENT,
    COORDINATOR,
    REPORT_PREPARATION,
    MONITORING,
    IMPACT_ASSESSMENT_SUPPORT,
    PARTICIPATION,
    BUDGET_LINKAGE,
    COMMUNICATION,
    COUNTY_COOPERATION,
    OTHER;
}
