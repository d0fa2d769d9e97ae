package bench.minimal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The baseline of bench/startup.sh: Hyte's starters and one page. With MINIMAL_DATA_DIR it starts an
 * embedded PostgreSQL on that folder first (kept between runs), as Hyte does; with MINIMAL_DB=false
 * it runs without a database (the starters' database parts switched off).
 */
@SpringBootApplication
public class MinimalApplication {

    public static void main(String[] args) throws IOException {
        if (!"false".equals(System.getenv("MINIMAL_DB"))) {
            Path data = Path.of(System.getenv().getOrDefault("MINIMAL_DATA_DIR", "./data")).toAbsolutePath();
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // stopping anyway
                }
            }));
            System.setProperty("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("spring.datasource.username", "postgres");
            System.setProperty("spring.datasource.password", "postgres");
        }
        SpringApplication.run(MinimalApplication.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(r -> r.requestMatchers("/", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Controller
    static class Hello {
        @GetMapping("/")
        String hello(Model model) {
            model.addAttribute("greeting", "hei");
            return "hello";
        }
    }
}
