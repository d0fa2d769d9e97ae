package fi.hyte;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hyte: leading the promotion of residents' wellbeing and health. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HyteApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HyteApplication.class);
        if (Boolean.getBoolean("hyte.startup-steps")) {
            // Records every start-up step for /actuator/startup (bench/startup.sh); off by default.
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
