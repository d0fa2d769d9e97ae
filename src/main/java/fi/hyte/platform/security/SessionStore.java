package fi.hyte.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL. Two first requests of one session at once (a user opening two tabs) both
 * save the CSRF token; with Spring Session's plain insert the second failed on a duplicate key and
 * answered 500. PostgreSQL's upsert makes the second save an update.
 */
@Configuration
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
