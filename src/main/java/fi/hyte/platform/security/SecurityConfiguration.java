package fi.hyte.platform.security;

import fi.hyte.platform.identity.PasswordSignInPolicy.PasswordSignInOff;
import fi.hyte.platform.identity.SingleSignOn;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the API's ({@code /api/**}: personal tokens, no session, JSON refusals) and the
 * web's (form sign-in, roles, CSRF, the throttle of failed sign-ins); both send the same headers.
 */
@Configuration
class SecurityConfiguration {

    /** Open data, readable without a token. */
    static final String[] PUBLIC_API = {"/api/v1/indicators/**", "/api/v1/regions/**", "/api/v1/openapi.*"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Automation calls the API with {@code Authorization: Bearer <token>}. No cookie is read or set,
     * so CSRF protection has nothing to protect. Open data is public; {@code /api/v1/operator/**} is for
     * system operators; the role in the organisation is checked by each controller through its Tenant.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, MessageSource messages, JsonMapper json) {
        ApiRefusals refusals = new ApiRefusals(messages, json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API)
                        .permitAll()
                        .requestMatchers("/api/v1/operator/**")
                        .hasRole("OPERATOR")
                        // Checked here, before a controller binds (and so reads) the request's body.
                        .requestMatchers(HttpMethod.POST, "/api/v1/sotkanet/refresh")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, refusals), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .headers(SecurityConfiguration::securityHeaders);
        return http.build();
    }

    /**
     * Published pages for everyone ({@code /public/**}, e.g. an approved wellbeing report): read
     * only, no session, no CSRF cookie, nothing remembered of the visitor.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicPages(HttpSecurity http) {
        http.securityMatcher("/public/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/public/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .headers(SecurityConfiguration::securityHeaders);
        return http.build();
    }

    /**
     * The organisations' public sites (participation module, {@code /o/slug/fi/…}): open to all, and
     * nothing reads or creates a session, so a public page sets no cookie and may be cached. Public
     * forms there carry a signed form token of their own instead of the session's CSRF token (see
     * docs/participation.md); Spring's cache headers are left to the pages, which send their ETag.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicSite(HttpSecurity http) {
        http.securityMatcher("/o/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> {
                    securityHeaders(headers);
                    headers.cacheControl(cache -> cache.disable());
                });
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            Tenancy tenancy,
            SingleSignOn singleSignOn,
            Users accounts,
            List<fi.hyte.platform.LandingPage> landingPages) {
        // The only way to sign in: no parent manager that would check a paused account's password again.
        var authentication = new ProviderManager(
                singleSignOn.passwordPolicy(new ThrottledAuthentication(users, passwordEncoder, throttle)),
                singleSignOn.oidcProvider());
        var savedRequests = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        var success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
                    throws IOException, jakarta.servlet.ServletException {
                tenancy.chooseDefault(request, ((HyteUser) signedIn.getPrincipal()).id());
                if (((HyteUser) signedIn.getPrincipal()).mustChangePassword()) {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return;
                }
                request.getSession().removeAttribute(SignInController.LAST_USERNAME);
                // A page asked for before signing in wins; otherwise each role lands where its work is.
                if (savedRequests.getRequest(request, response) == null) {
                    var landing = tenancy.current(request)
                            .flatMap(tenant -> landingPages.stream()
                                    .map(page -> page.pathFor(tenant))
                                    .flatMap(java.util.Optional::stream)
                                    .findFirst());
                    if (landing.isPresent()) {
                        clearAuthenticationAttributes(request);
                        response.sendRedirect(request.getContextPath() + landing.get());
                        return;
                    }
                }
                super.onAuthenticationSuccess(request, response, signedIn);
            }
        };
        success.setDefaultTargetUrl("/");
        http.addFilterBefore(new OperatorCheck(accounts), AuthorizationFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/logout/provider",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .access(fromLoopback())
                        .requestMatchers("/operator/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        form -> form.loginPage("/login").successHandler(success).failureHandler(failure()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .authenticationManager(authentication)
                .headers(SecurityConfiguration::securityHeaders);
        // Sign-in with the organisations' OpenID Connect providers, and logout from them.
        singleSignOn.apply(http);
        return http.build();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
    }

    /**
     * Static files need no session: without this, every stylesheet request would read (and touch)
     * the visitor's session row in the database.
     */
    @Bean
    WebSecurityCustomizer staticFilesWithoutSession() {
        return web -> web.ignoring().requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico");
    }

    /** Metrics are for the operator's monitoring on the same host or network, never for the public. */
    private static AuthorizationManager<RequestAuthorizationContext> fromLoopback() {
        IpAddressMatcher ipv4 = new IpAddressMatcher("127.0.0.0/8");
        IpAddressMatcher ipv6 = new IpAddressMatcher("::1");
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> auth, RequestAuthorizationContext context) {
                HttpServletRequest request = context.getRequest();
                return new AuthorizationDecision(ipv4.matches(request) || ipv6.matches(request));
            }
        };
    }

    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            // The sign-in page keeps what was typed as the username (never the password).
            String username = request.getParameter("username");
            if (username != null && !username.isBlank() && username.length() <= 200) {
                request.getSession().setAttribute(SignInController.LAST_USERNAME, username.strip());
            }
            failed(request, response, exception);
        };
    }

    private static void failed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.sendRedirect(request.getContextPath()
                + (isPaused(exception)
                        ? "/login?paused"
                        : exception instanceof PasswordSignInOff ? "/login?sso=formOff" : "/login?error"));
    }

    private static boolean isPaused(AuthenticationException exception) {
        return exception instanceof LockedException;
    }

    /**
     * An unknown username is checked against a disabled stand-in with the hash of a random password,
     * made once at start: it costs one hash like a known one (Spring's own stand-in hash is made at the
     * first sign-in, by every one of the first parallel attempts) and always fails.
     */
    @Bean
    UserDetailsService userDetailsService(Users users, PasswordEncoder passwordEncoder) {
        String unknownHash = passwordEncoder.encode(Passwords.temporary() + Passwords.temporary());
        return username -> users.byUsername(username)
                .orElseGet(() -> new HyteUser(UUID.randomUUID(), username, "", unknownHash, false, false, false));
    }

    /** Argon2id for new hashes; bcrypt hashes still verify. At most a few hashes run at once. */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${hyte.security.concurrent-hashes}") int concurrent,
            @Value("${hyte.security.hash-wait}") Duration wait,
            MeterRegistry metrics) {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return new PasswordHashing(
                new DelegatingPasswordEncoder(
                        argon2,
                        Map.of(
                                argon2,
                                Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                                "bcrypt",
                                new BCryptPasswordEncoder())),
                concurrent,
                wait,
                metrics);
    }
}
