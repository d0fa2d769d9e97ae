package fi.hyte.maturity;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The maturity self-assessment in the main navigation. */
@Configuration
class MaturityNavigation {

    @Bean
    NavigationItem maturityItem() {
        return new NavigationItem(35, "nav.maturity", "/maturity", Role.VIEWER);
    }
}
