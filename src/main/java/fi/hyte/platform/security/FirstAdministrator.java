package fi.hyte.platform.security;

import fi.hyte.platform.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the installation's first system operator from HYTE_ADMIN_USERNAME and HYTE_ADMIN_PASSWORD,
 * once. The operator then creates organisations and their administrators. There is no default password.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccounts accounts;
    private final String username;
    private final String password;

    FirstAdministrator(
            UserAccounts accounts,
            @Value("${hyte.bootstrap.admin-username:}") String username,
            @Value("${hyte.bootstrap.admin-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (username.isBlank()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("HYTE_ADMIN_PASSWORD must be at least 12 characters long");
        }
        if (accounts.ensureOperator(username.strip(), password)) {
            LOG.info("Created the system operator '{}'", username.strip());
        }
    }
}
