package fi.hyte.platform.security;

import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in to the (database-stored) session as the same principal a password sign-in
 * gives, for sign-ins that Spring Security authenticated otherwise (OpenID Connect), so that roles,
 * tenancy and auditing work alike for both.
 */
@Component
public class SessionSignIn {

    private final Users users;
    private final Tenancy tenancy;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionSignIn(Users users, Tenancy tenancy) {
        this.users = users;
        this.tenancy = tenancy;
    }

    /**
     * Replaces the request's authentication with the account's, working in the given organisation
     * (or the account's first); false if the account is missing or inactive.
     */
    public boolean signIn(
            UserId user,
            Optional<OrganisationId> organisation,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<HyteUser> account = users.byId(user).filter(HyteUser::isEnabled);
        if (account.isEmpty()) {
            return false;
        }
        HyteUser signedIn = account.get();
        signedIn.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        tenancy.chooseDefault(request, user);
        organisation.ifPresent(o -> tenancy.switchTo(request, o));
        return true;
    }
}
