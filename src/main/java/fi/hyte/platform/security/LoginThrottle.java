package fi.hyte.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Pauses sign-in for a username after repeated failures. Kept in the database so that every
 * instance of Hyte sees the same count. Unknown usernames are counted too, so the answer never
 * tells whether an account exists.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(
            JdbcClient jdbc,
            @Value("${hyte.security.max-failed-logins}") int maxFailures,
            @Value("${hyte.security.failure-window}") Duration window,
            @Value("${hyte.security.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** When the pause of this username ends, if it is paused now. */
    Optional<Instant> lockedUntil(String username) {
        return jdbc.sql("select locked_until from login_throttle where username = ? and locked_until > ?")
                .params(key(username), Timestamp.from(clock.instant()))
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    void failed(String username) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into login_throttle (username, failures, first_failure_at) values (?, 1, ?)
                on conflict (username) do update set
                  failures = case when login_throttle.first_failure_at < ? then 1 else login_throttle.failures + 1 end,
                  first_failure_at = case when login_throttle.first_failure_at < ? then excluded.first_failure_at
                                          else login_throttle.first_failure_at end""")
                .params(
                        key(username),
                        Timestamp.from(now),
                        Timestamp.from(now.minus(window)),
                        Timestamp.from(now.minus(window)))
                .update();
        jdbc.sql("update login_throttle set locked_until = ?, failures = 0, first_failure_at = ?"
                        + " where username = ? and failures >= ?")
                .params(Timestamp.from(now.plus(lockout)), Timestamp.from(now), key(username), maxFailures)
                .update();
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_throttle where username = ?")
                .param(key(username))
                .update();
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
