package fi.hyte.indicator;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base in the navigation and its settings. */
@Configuration
@EnableConfigurationProperties(IndicatorSettings.class)
class IndicatorConfiguration {

    @Bean
    NavigationItem indicatorsItem() {
        return new NavigationItem(32, "nav.indicators", "/indicators", Role.VIEWER);
    }
}
