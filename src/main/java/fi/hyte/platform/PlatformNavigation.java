package fi.hyte.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own pages in the main navigation. */
@Configuration
class PlatformNavigation {

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem(900, "nav.users", "/admin/users", Role.ADMIN);
    }

    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem(910, "nav.audit", "/admin/audit", Role.ADMIN);
    }
}
