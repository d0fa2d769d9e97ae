package fi.hyte.platform;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user acting in their current organisation. Controllers receive it as a method
 * argument; every query of tenant-owned data is scoped by {@link #organisation()}. A request with a
 * personal API token gets the token's organisation and the user's role there as it is now.
 *
 * @param operator whether the user is also a system operator (Spring Security's ROLE_OPERATOR)
 */
public record Tenant(OrganisationId organisation, UserId user, String userName, Role role, boolean operator) {

    /** A tenant of someone who is not a system operator, e.g. Hyte itself seeding demo data. */
    public Tenant(OrganisationId organisation, UserId user, String userName, Role role) {
        this(organisation, user, userName, role, false);
    }

    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** Refuses the request with 403 unless the user holds at least the given role here. */
    public void require(Role needed) {
        if (!can(needed)) {
            throw new AccessDeniedException("Role " + needed + " required");
        }
    }

    /** Refuses the request with 403 unless the user is a system operator. */
    public void requireOperator() {
        if (!operator) {
            throw new AccessDeniedException("System operator required");
        }
    }
}
