package fi.hyte.participation;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public site's settings and publications in the main navigation. */
@Configuration
class ParticipationNavigation {

    @Bean
    NavigationItem participationItem() {
        return new NavigationItem(37, "nav.participation", "/participation", Role.VIEWER);
    }
}
