package fi.hyte.organisation.domain;

/** Kinds of bodies (toimielimet and groups) an organisation has. */
public enum BodyType {
    COUNCIL,
    BOARD,
    COMMITTEE,
    MANAGEMENT_GROUP,
    WELLBEING_GROUP,
    YOUTH_COUNCIL,
    OLDER_PEOPLE_COUNCIL,
    DISABILITY_COUNCIL,
    OTHER;
}
