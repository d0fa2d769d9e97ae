package fi.hyte;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hyte: leading the promotion of residents' wellbeing and health. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HyteApplication {

    public static void main(String[] args) {
        SpringApplication.run(HyteApplication.class, args);
    }
}
