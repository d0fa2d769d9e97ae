package fi.hyte.platform.identity;

import fi.hyte.platform.security.SessionSignIn;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Single sign-on's beans. The client registrations come from the database (the operator's
 * providers per organisation) and from Spring's {@code spring.security.oauth2.client.*} (one
 * provider configured in the environment); this repository replaces Boot's in-memory one.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class IdentityConfiguration {

    @Bean
    SecretBox secretBox(@Value("${hyte.secret-key:}") String key) {
        return new SecretBox(key);
    }

    @Bean
    ProviderRegistrations providerRegistrations(
            SignInProviders providers, SecretBox secrets, ObjectProvider<OAuth2ClientProperties> properties) {
        OAuth2ClientProperties configured = properties.getIfAvailable();
        Map<String, ClientRegistration> fromEnvironment =
                configured == null ? Map.of() : new OAuth2ClientPropertiesMapper(configured).asClientRegistrations();
        return new ProviderRegistrations(providers, secrets, fromEnvironment);
    }

    @Bean
    OidcSignInHandlers oidcSignInHandlers(
            OidcAccounts accounts, SessionSignIn sessions, ProviderRegistrations registrations) {
        return new OidcSignInHandlers(accounts, sessions, registrations);
    }

    @Bean
    SingleSignOn singleSignOn(
            ProviderRegistrations registrations, OidcSignInHandlers handlers, SignInProviders providers) {
        return new SingleSignOn(registrations, handlers, providers);
    }
}
