package fi.hyte.plan;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wellbeing plan in the main navigation. */
@Configuration
class PlanConfiguration {

    @Bean
    NavigationItem planItem() {
        return new NavigationItem(33, "nav.plan", "/plan", Role.VIEWER);
    }
}
