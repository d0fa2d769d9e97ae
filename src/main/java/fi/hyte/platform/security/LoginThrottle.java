package fi.hyte.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses password checks for a username, and for a client address, after repeated failures. Each
 * attempt is counted in PostgreSQL before its password is hashed, with the row locked, so that
 * parallel guesses cannot pass before the first failure is recorded and every instance of Hyte sees
 * the same count; a success takes its attempt back. Unknown usernames are counted too, so the
 * answer never tells whether an account exists.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final int maxFailuresPerClient;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(
            JdbcClient jdbc,
            @Value("${hyte.security.max-failed-logins}") int maxFailures,
            @Value("${hyte.security.max-failed-logins-per-client}") int maxFailuresPerClient,
            @Value("${hyte.security.failure-window}") Duration window,
            @Value("${hyte.security.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.maxFailures = maxFailures;
        this.maxFailuresPerClient = maxFailuresPerClient;
        this.window = window;
        this.lockout = lockout;
    }

    /**
     * Counts an attempt to check this username's password from this client, in a transaction of its
     * own that ends before the hash is computed. False when either is paused: then nothing is hashed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean attempt(String username, String client) {
        Instant now = clock.instant();
        return count("login_throttle", "username", key(username), maxFailures, now)
                && count("login_client_throttle", "client", clientKey(client), maxFailuresPerClient, now);
    }

    /** The password was right: the username starts afresh and the client's attempt is taken back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username, String client) {
        jdbc.sql("delete from login_throttle where username = ?")
                .param(key(username))
                .update();
        jdbc.sql("update login_client_throttle set failures = greatest(failures - 1, 0),"
                        + " locked_until = case when failures - 1 < ? then null else locked_until end where client = ?")
                .params(maxFailuresPerClient, clientKey(client))
                .update();
    }

    private boolean count(String table, String column, String key, int max, Instant now) {
        jdbc.sql("insert into " + table + " (" + column + ", failures, first_failure_at) values (?, 0, ?)"
                        + " on conflict do nothing")
                .params(key, Timestamp.from(now))
                .update();
        Counted row = jdbc.sql("select failures, first_failure_at, locked_until from " + table + " where " + column
                        + " = ? for update")
                .param(key)
                .query((rs, i) -> new Counted(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            return false;
        }
        boolean fresh = row.lockedUntil() != null || row.firstFailureAt().isBefore(now.minus(window));
        int failures = fresh ? 1 : row.failures() + 1;
        jdbc.sql("update " + table + " set failures = ?, first_failure_at = ?, locked_until = ? where " + column
                        + " = ?")
                .params(
                        failures,
                        Timestamp.from(fresh ? now : row.firstFailureAt()),
                        failures >= max ? Timestamp.from(now.plus(lockout)) : null,
                        key)
                .update();
        return true;
    }

    private record Counted(int failures, Instant firstFailureAt, Instant lockedUntil) {}

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return client == null ? "" : client;
    }
}
