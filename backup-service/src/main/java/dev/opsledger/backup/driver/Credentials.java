package dev.opsledger.backup.driver;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves a target's credentials reference when a run needs it:
 * {@code opsledger.backup.credentials.<ref>.username} and {@code .password}, which the environment
 * supplies as {@code OPSLEDGER_BACKUP_CREDENTIALS_<REF>_USERNAME}/{@code _PASSWORD}. Never stored.
 */
@Component
public class Credentials {

    private final Environment environment;

    Credentials(Environment environment) {
        this.environment = environment;
    }

    public record Login(String username, String password) {

        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    Login resolve(String reference) throws DriverFailure {
        String prefix = "opsledger.backup.credentials." + reference + ".";
        String username = environment.getProperty(prefix + "username");
        if (username == null || username.isBlank()) {
            throw new DriverFailure("No credentials for reference '" + reference + "': set "
                    + prefix + "username and .password (environment OPSLEDGER_BACKUP_CREDENTIALS_"
                    + reference.toUpperCase().replace('-', '_') + "_USERNAME/_PASSWORD)");
        }
        return new Login(username, environment.getProperty(prefix + "password", ""));
    }
}
