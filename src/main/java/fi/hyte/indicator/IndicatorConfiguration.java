package fi.hyte.indicator;

import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The knowledge base in the navigation, its settings and the threads its background jobs run on. */
@Configuration
@EnableConfigurationProperties(IndicatorSettings.class)
class IndicatorConfiguration {

    @Bean
    NavigationItem indicatorsItem() {
        return new NavigationItem(32, "nav.indicators", "/indicators", Role.VIEWER);
    }

    /**
     * Four workers. A long Sotkanet refresh occupies one for minutes, and each organisation runs at
     * most one check or import at a time, so organisations' imports do not queue behind a refresh.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor indicatorJobExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("indicator-job-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        executor.initialize();
        return executor;
    }
}
