package fi.hyte.platform.identity;

import fi.hyte.platform.security.SessionSignIn;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web side of an OpenID Connect sign-in: after Spring Security has checked the ID token
 * (signature, issuer, audience, expiry, nonce; the code exchanged with PKCE), the account is found
 * and the session becomes an ordinary Hyte session; a refusal or failure ends on the sign-in page
 * with its reason. Signing out ends the Hyte session and, where the provider publishes an
 * end-session endpoint, the provider's too (RP-initiated logout).
 */
public class OidcSignInHandlers
        implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler, LogoutSuccessHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignInHandlers.class);
    static final String REGISTRATION = "hyte.sso.registration";
    static final String ID_TOKEN = "hyte.sso.idToken";
    private static final String ENDING = OidcSignInHandlers.class.getName() + ".ending";
    static final String END_SESSION = OidcSignInHandlers.class.getName() + ".endSession";

    private final OidcAccounts accounts;
    private final SessionSignIn sessions;
    private final ProviderRegistrations registrations;

    OidcSignInHandlers(OidcAccounts accounts, SessionSignIn sessions, ProviderRegistrations registrations) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.registrations = registrations;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        String registrationId = token.getAuthorizedClientRegistrationId();
        if (!(token.getPrincipal() instanceof OidcUser person)) {
            refuse(request, response, OidcAccounts.Refusal.FAILED);
            return;
        }
        OidcAccounts.Outcome outcome = accounts.signIn(registrationId, person);
        if (!outcome.accepted() || !sessions.signIn(outcome.user(), outcome.organisation(), request, response)) {
            LOG.info(
                    "Sign-in through {} refused for subject {}: {}",
                    registrationId,
                    person.getSubject(),
                    outcome.accepted() ? "inactive" : outcome.refusal());
            refuse(request, response, outcome.accepted() ? OidcAccounts.Refusal.UNKNOWN : outcome.refusal());
            return;
        }
        HttpSession session = request.getSession();
        session.setAttribute(REGISTRATION, registrationId);
        session.setAttribute(ID_TOKEN, person.getIdToken().getTokenValue());
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = unreachable(exception) ? "unreachable" : "failed";
        LOG.info("Sign-in with a provider failed ({}): {}", reason, exception.toString());
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
    }

    private static boolean unreachable(AuthenticationException exception) {
        if (exception.getClass().getName().startsWith(OAuth2AuthorizationRequestRedirectFilter.class.getName())) {
            return true;
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            return "invalid_token_response".equals(code)
                    || "invalid_user_info_response".equals(code)
                    || ProviderRedirects.UNAVAILABLE.equals(code);
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, OidcAccounts.Refusal refusal)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + refusal.key());
    }

    /** Runs before the session is invalidated: remembers which provider to sign out of. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(REGISTRATION) instanceof String registration
                && session.getAttribute(ID_TOKEN) instanceof String idToken) {
            request.setAttribute(ENDING, Map.entry(registration, idToken));
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        String signedOut = UriComponentsBuilder.fromUriString(
                        request.getRequestURL().toString())
                .replacePath(request.getContextPath() + "/login")
                .replaceQuery("logout")
                .build()
                .toUriString();
        if (request.getAttribute(ENDING) instanceof Map.Entry<?, ?> ending) {
            ClientRegistration registration = registrations.findByRegistrationId((String) ending.getKey());
            Object endSession = registration == null
                    ? null
                    : registration
                            .getProviderDetails()
                            .getConfigurationMetadata()
                            .get("end_session_endpoint");
            if (endSession != null) {
                request.setAttribute(
                        END_SESSION,
                        UriComponentsBuilder.fromUriString(endSession.toString())
                                .queryParam("id_token_hint", ending.getValue())
                                .queryParam("post_logout_redirect_uri", signedOut)
                                .queryParam("client_id", registration.getClientId())
                                .encode()
                                .build()
                                .toUriString());
                request.getRequestDispatcher(ProviderLogoutController.PATH).forward(request, response);
                return;
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?logout");
    }
}
