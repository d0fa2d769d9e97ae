package fi.hyte.platform.security;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import fi.hyte.platform.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which organisation the signed-in user is working in. The choice lives in the session; the role is
 * read from the database on every request, so a revoked membership takes effect at once. A request
 * with an API token works in the token's organisation, with the role read when the token was checked.
 */
@Component
class Tenancy {

    static final String CURRENT_ORGANISATION = "hyte.organisation";
    private static final String TENANT = Tenancy.class.getName() + ".tenant";

    private final Users users;

    Tenancy(Users users) {
        this.users = users;
    }

    void chooseDefault(HttpServletRequest request, UserId user) {
        List<OrganisationId> organisations = users.organisationsOf(user);
        HttpSession session = request.getSession();
        if (organisations.isEmpty()) {
            session.removeAttribute(CURRENT_ORGANISATION);
        } else {
            session.setAttribute(
                    CURRENT_ORGANISATION, organisations.get(0).value().toString());
        }
    }

    boolean switchTo(HttpServletRequest request, OrganisationId organisation) {
        Optional<HyteUser> user = signedIn();
        if (user.isEmpty() || users.roleIn(user.get().id(), organisation).isEmpty()) {
            return false;
        }
        request.getSession()
                .setAttribute(CURRENT_ORGANISATION, organisation.value().toString());
        request.removeAttribute(TENANT);
        return true;
    }

    /** The tenant of this request, looked up once per request. */
    Optional<Tenant> current(HttpServletRequest request) {
        Object cached = request.getAttribute(TENANT);
        if (cached instanceof Tenant tenant) {
            return Optional.of(tenant);
        }
        Optional<Tenant> tenant = lookUp(request);
        tenant.ifPresent(t -> request.setAttribute(TENANT, t));
        return tenant;
    }

    private Optional<Tenant> lookUp(HttpServletRequest request) {
        Optional<ApiCaller> caller = ApiCaller.current();
        if (caller.isPresent()) {
            ApiCaller c = caller.get();
            return Optional.of(new Tenant(c.organisation(), c.user(), c.displayName(), c.role(), c.operator()));
        }
        Optional<HyteUser> user = signedIn();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(CURRENT_ORGANISATION);
        OrganisationId organisation = null;
        if (chosen instanceof String id) {
            organisation = OrganisationId.of(id);
        }
        Optional<Role> role = organisation == null
                ? Optional.empty()
                : users.roleIn(user.get().id(), organisation);
        if (role.isEmpty()) {
            List<OrganisationId> organisations =
                    users.organisationsOf(user.get().id());
            if (organisations.isEmpty()) {
                return Optional.empty();
            }
            organisation = organisations.get(0);
            role = users.roleIn(user.get().id(), organisation);
            request.getSession()
                    .setAttribute(CURRENT_ORGANISATION, organisation.value().toString());
        }
        OrganisationId current = organisation;
        return role.map(r -> new Tenant(
                current,
                user.get().id(),
                user.get().displayName(),
                r,
                user.get().operator()));
    }

    static Optional<HyteUser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HyteUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
