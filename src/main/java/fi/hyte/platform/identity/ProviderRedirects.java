package fi.hyte.platform.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Builds the redirect to a provider, always with PKCE (S256) besides state and nonce. A provider that
 * is unknown, switched off or unreachable gives an {@value #UNAVAILABLE} error, which ends on the
 * sign-in page with a clear message instead of an error page.
 */
class ProviderRedirects implements OAuth2AuthorizationRequestResolver {

    static final String UNAVAILABLE = "provider_unavailable";
    static final String BASE_URI = "/oauth2/authorization";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    ProviderRedirects(ClientRegistrationRepository registrations) {
        delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
        delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return delegate.resolve(request);
        } catch (IllegalArgumentException unknown) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE), unknown);
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        try {
            return delegate.resolve(request, clientRegistrationId);
        } catch (IllegalArgumentException unknown) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE), unknown);
        }
    }
}
