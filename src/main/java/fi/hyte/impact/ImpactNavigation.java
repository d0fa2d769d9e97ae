package fi.hyte.impact;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decision cases in the main navigation. */
@Configuration
class ImpactNavigation {

    @Bean
    NavigationItem impactItem() {
        return new NavigationItem(38, "nav.impact", "/impact", Role.VIEWER);
    }
}
