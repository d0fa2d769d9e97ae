package fi.hyte.indicator.domain;

/** What an indicator in the set is about, within its age group. */
public enum Theme {
    HEALTH,
    MENTAL_HEALTH,
    EDUCATION,
    WORK_AND_INCOME,
    PARTICIPATION,
    EXPERIENCED_WELLBEING,
    SERVICES,
    SAFETY,
    LIVING_ENVIRONMENT,
    POPULATION,
    OTHER
}
