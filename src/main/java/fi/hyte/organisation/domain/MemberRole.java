package fi.hyte.organisation.domain;

/** A member's role in a body. */
public enum MemberRole {
    CHAIR,
    VICE_CHAIR,
    SECRETARY,
    MEMBER,
    DEPUTY,
    EXPERT;
}
