package fi.hyte.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The system operator's role is read from the database at every request of a signed-in operator, so
 * that a role revoked (by another operator or directly in the database) takes effect at the next
 * request, not at logout. Only operators pay the one query.
 */
class OperatorCheck extends OncePerRequestFilter {

    private final Users users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OperatorCheck(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tenancy.signedIn()
                .filter(HyteUser::operator)
                .filter(user ->
                        !users.account(user.id()).map(Users.Account::operator).orElse(false))
                .ifPresent(user -> {
                    HyteUser demoted = user.withoutOperator();
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(demoted, null, demoted.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                });
        chain.doFilter(request, response);
    }
}
