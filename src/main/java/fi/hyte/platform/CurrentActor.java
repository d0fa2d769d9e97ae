package fi.hyte.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit records made outside a tenant's request. */
final class CurrentActor {

    private CurrentActor() {}

    static UserId id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorDetails actor) {
            return actor.actorId();
        }
        return null;
    }

    static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorDetails actor) {
            return actor.actorName();
        }
        return authentication == null ? "Hyte" : authentication.getName();
    }
}
