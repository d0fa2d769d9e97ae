package fi.hyte.platform.mail;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** Mail's settings, its page in the administrators' navigation, and the open unsubscribe address. */
@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    NavigationItem mailNavigation() {
        return new NavigationItem(905, "nav.mail", "/admin/mail", Role.ADMIN);
    }

    /**
     * The unsubscribe address takes a POST from any mail client, with no session and so no CSRF
     * token (RFC 8058): the signed token in the address is the only authority, and it can only
     * turn one kind of mail off for one person.
     */
    @Bean
    @Order(0)
    SecurityFilterChain unsubscribe(HttpSecurity http) throws Exception {
        http.securityMatcher("/mail/unsubscribe")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " object-src 'none'; base-uri 'self'; form-action 'self';"
                                        + " frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
