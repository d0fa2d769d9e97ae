package fi.hyte.platform.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OpenID Connect clients Hyte knows: the operator's providers in the database (id "p-" and the
 * provider's id), built from the issuer's discovery document on first use and rebuilt when the
 * provider is saved again, and those configured in the environment with Spring's standard
 * {@code spring.security.oauth2.client.*}. A provider whose discovery fails is unknown for now
 * ({@link #problem} tells why), so that sign-in with it ends on a clear page and is retried next time.
 */
class ProviderRegistrations implements ClientRegistrationRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistrations.class);

    private final SignInProviders providers;
    private final SecretBox secrets;
    private final Map<String, ClientRegistration> configured;
    private final Map<UUID, Built> built = new ConcurrentHashMap<>();

    ProviderRegistrations(SignInProviders providers, SecretBox secrets, Map<String, ClientRegistration> configured) {
        this.providers = providers;
        this.secrets = secrets;
        this.configured = Map.copyOf(configured);
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        ClientRegistration fromEnvironment = configured.get(registrationId);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return SignInProvider.idOf(registrationId)
                .flatMap(providers::find)
                .filter(SignInProvider::enabled)
                .flatMap(this::registrationOf)
                .orElse(null);
    }

    /** The environment's registrations, listed on the sign-in page after the organisations' own. */
    List<ClientRegistration> configured() {
        return List.copyOf(configured.values());
    }

    boolean isConfigured(String registrationId) {
        return configured.containsKey(registrationId);
    }

    /** Why the provider cannot be used right now, if it cannot: its discovery failed or its secret cannot be opened. */
    Optional<String> problem(SignInProvider provider) {
        try {
            build(provider);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private Optional<ClientRegistration> registrationOf(SignInProvider provider) {
        try {
            return Optional.of(build(provider));
        } catch (RuntimeException e) {
            LOG.warn("Sign-in provider {} ({}) cannot be used: {}", provider.name(), provider.issuer(), e.toString());
            return Optional.empty();
        }
    }

    private ClientRegistration build(SignInProvider provider) {
        Built cached = built.get(provider.id());
        if (cached != null && cached.version == provider.version()) {
            return cached.registration;
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuer())
                .registrationId(provider.registrationId())
                .clientId(provider.clientId())
                .clientSecret(secrets.open(provider.sealedSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .userNameAttributeName("sub")
                .clientName(provider.name())
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        built.put(provider.id(), new Built(provider.version(), registration));
        return registration;
    }

    private record Built(int version, ClientRegistration registration) {}
}
