package fi.hyte.platform.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;

/** What the web's security filter chain needs of single sign-on: the OIDC login, its logout and the password policy. */
public class SingleSignOn {

    private final ProviderRegistrations registrations;
    private final OidcSignInHandlers handlers;
    private final SignInProviders providers;

    SingleSignOn(ProviderRegistrations registrations, OidcSignInHandlers handlers, SignInProviders providers) {
        this.registrations = registrations;
        this.handlers = handlers;
        this.providers = providers;
    }

    /** Adds OpenID Connect sign-in (the providers' redirects and callbacks) and RP-initiated logout. */
    public void apply(HttpSecurity http) {
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(endpoint -> endpoint.baseUri(ProviderRedirects.BASE_URI)
                        .authorizationRequestResolver(new ProviderRedirects(registrations)))
                .successHandler(handlers)
                .failureHandler(handlers)
                .addObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // An unreachable or unknown provider ends on the sign-in page, not in a 500.
                        filter.setAuthenticationFailureHandler(handlers);
                        return filter;
                    }
                }));
        http.logout(logout -> logout.addLogoutHandler(handlers).logoutSuccessHandler(handlers));
    }

    /**
     * Checks the provider's answer: exchanges the code (with the PKCE verifier) and validates the ID
     * token's signature against the provider's keys, its issuer, audience, expiry and nonce. The web
     * chain has its own authentication manager, so this provider is given to it explicitly.
     */
    public AuthenticationProvider oidcProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());
    }

    /** Password sign-in refused where every organisation of the account has turned it off. */
    public AuthenticationProvider passwordPolicy(AuthenticationProvider passwords) {
        return new PasswordSignInPolicy(passwords, providers);
    }
}
