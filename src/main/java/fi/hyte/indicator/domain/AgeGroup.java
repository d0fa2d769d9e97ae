package fi.hyte.indicator.domain;

/** The age groups a wellbeing report is organised by (THL's guidance for the report). */
public enum AgeGroup {
    CHILDREN,
    YOUNG,
    WORKING_AGE,
    OLDER,
    EVERYONE
}
