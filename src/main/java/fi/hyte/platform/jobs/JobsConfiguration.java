package fi.hyte.platform.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads background jobs run on, shared by every module's jobs. */
@Configuration
class JobsConfiguration {

    static final String EXECUTOR = "jobExecutor";

    /**
     * Four workers. A long Sotkanet refresh occupies one for minutes, and each organisation runs at
     * most one check or import at a time, so organisations' imports do not queue behind a refresh.
     * At shutdown running jobs get 20 s to finish (the web server's graceful period); a job cut off
     * later is marked interrupted by the next start.
     */
    @Bean(name = EXECUTOR, destroyMethod = "shutdown")
    ThreadPoolTaskExecutor jobExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(50);
        executor.setThreadNamePrefix("job-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        executor.initialize();
        return executor;
    }
}
