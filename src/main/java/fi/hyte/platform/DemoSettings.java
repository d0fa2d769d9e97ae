package fi.hyte.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this installation shows demo data, and the demo users' password: HYTE_DEMO_PASSWORD, or
 * else a new random one printed at start. Each module seeds its own demo data.
 */
@Component
public class DemoSettings {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSettings.class);

    private final boolean enabled;
    private final String password;

    DemoSettings(
            @Value("${hyte.demo.enabled:false}") boolean enabled, @Value("${hyte.demo.password:}") String password) {
        this.enabled = enabled;
        if (enabled && (password == null || password.isBlank())) {
            this.password = fi.hyte.platform.security.Passwords.temporary();
            LOG.warn(
                    "Demo data is on. Demo users (admin, koordinaattori, toimittaja, katselija, hva-koordinaattori)"
                            + " sign in with the password: {}",
                    this.password);
        } else {
            this.password = password;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public String password() {
        return password;
    }
}
