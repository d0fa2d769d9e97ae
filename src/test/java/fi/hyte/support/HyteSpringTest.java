package fi.hyte.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The whole application on a random port, on the test run's real PostgreSQL, with demo data. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=${hyte.test.database.url}",
            "spring.datasource.username=${hyte.test.database.username}",
            "spring.datasource.password=${hyte.test.database.password}",
            "hyte.demo.enabled=true",
            "hyte.demo.password=" + HyteSpringTest.DEMO_PASSWORD,
            "hyte.security.max-failed-logins=5",
            "hyte.indicators.sotkanet-base-url=${hyte.test.sotkanet.url}",
            "hyte.indicators.refresh-cron=-",
            "hyte.documents.warm-up=false",
            "hyte.participation.council-notice-cron=-",
            "hyte.indicators.retry-pause=10ms",
            "hyte.secret-key=" + HyteSpringTest.SECRET_KEY
        })
public @interface HyteSpringTest {

    String DEMO_PASSWORD = "testi-salasana-2026";

    /** The tests' key for sealing sign-in providers' secrets (32 bytes, Base64). */
    String SECRET_KEY = "dGVzdGktYXZhaW4tam9rYS1laS1vbGUtc2FsYWluZW4=";
}
