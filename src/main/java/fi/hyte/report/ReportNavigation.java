package fi.hyte.report;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wellbeing report in the main navigation. */
@Configuration
class ReportNavigation {

    @Bean
    NavigationItem reportItem() {
        return new NavigationItem(36, "nav.report", "/reports", Role.VIEWER);
    }
}
