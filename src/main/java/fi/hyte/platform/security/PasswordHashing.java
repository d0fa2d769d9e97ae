package fi.hyte.platform.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bounds how many password hashes run at once: Argon2 takes 16 MiB and a core's time for each, so a
 * flood of sign-ins could otherwise exhaust the server's memory. Counts every hash as the metric
 * {@code hyte.password.hashes}. A caller that waits too long for its turn is refused as if paused.
 */
final class PasswordHashing implements PasswordEncoder {

    private final PasswordEncoder encoder;
    private final Semaphore permits;
    private final Duration wait;
    private final AtomicLong hashes = new AtomicLong();

    PasswordHashing(PasswordEncoder encoder, int concurrent, Duration wait, MeterRegistry metrics) {
        this.encoder = encoder;
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
        FunctionCounter.builder("hyte.password.hashes", hashes, AtomicLong::get)
                .description("Password hashes computed (sign-in, password change, new accounts)")
                .register(metrics);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            hashes.incrementAndGet();
            return encoder.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            hashes.incrementAndGet();
            return encoder.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LockedException("Too many password checks at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockedException("Interrupted while waiting for a password check");
        }
    }
}
