package fi.hyte.organisation;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation module's pages in the main navigation. */
@Configuration
class OrganisationNavigation {

    @Bean
    NavigationItem overviewNavigation() {
        return new NavigationItem(10, "nav.overview", "/", Role.VIEWER);
    }

    @Bean
    NavigationItem groupNavigation() {
        return new NavigationItem(20, "nav.group", "/wellbeing-group", Role.VIEWER);
    }

    @Bean
    NavigationItem responsibilitiesNavigation() {
        return new NavigationItem(30, "nav.responsibilities", "/responsibilities", Role.VIEWER);
    }

    @Bean
    NavigationItem bodiesNavigation() {
        return new NavigationItem(40, "nav.bodies", "/bodies", Role.VIEWER);
    }

    @Bean
    NavigationItem peopleNavigation() {
        return new NavigationItem(50, "nav.people", "/people", Role.VIEWER);
    }

    @Bean
    NavigationItem sectorsNavigation() {
        return new NavigationItem(60, "nav.sectors", "/sectors", Role.VIEWER);
    }

    @Bean
    NavigationItem profileNavigation() {
        return new NavigationItem(70, "nav.organisation", "/organisation", Role.VIEWER);
    }
}
