package fi.hyte.platform.security;

import fi.hyte.platform.ActorDetails;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whoever calls the API with a personal token, for this one request (nothing is kept in a session).
 * The role is the user's role in the token's organisation, read when the token was checked.
 */
record ApiCaller(
        UUID token,
        UserId user,
        String username,
        String displayName,
        OrganisationId organisation,
        Role role,
        boolean operator)
        implements ActorDetails, AuthenticatedPrincipal {

    /** Authenticated with the same authorities as a signed-in {@link HyteUser}, so rules read alike for both. */
    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, HyteUser.authorities(operator));
    }

    static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    @Override
    public UserId actorId() {
        return user;
    }

    @Override
    public String actorName() {
        return displayName;
    }

    @Override
    public String getName() {
        return username;
    }
}
