package fi.hyte.platform;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in user acting in their current organisation. Controllers receive it as a method
 * argument; every query of tenant-owned data is scoped by {@link #organisation()}.
 */
public record Tenant(OrganisationId organisation, UserId user, String userName, Role role) {

    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** Refuses the request with 403 unless the user holds at least the given role here. */
    public void require(Role needed) {
        if (!can(needed)) {
            throw new AccessDeniedException("Role " + needed + " required");
        }
    }
}
