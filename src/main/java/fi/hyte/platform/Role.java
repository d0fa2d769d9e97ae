package fi.hyte.platform;

/** What a user may do in one organisation; each role includes the rights of those below it. */
public enum Role {
    VIEWER,
    EDITOR,
    COORDINATOR,
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
