package dev.opsledger.access.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code opsledger.access.*}).
 *
 * @param tokenLifespan the realm's access-token lifespan: how long access outlives its grant in
 *                      tokens already issued
 * @param keycloak      the admin API the grants are provisioned through
 * @param taskAnswerTimeout how long a grant on an external resource waits for the answer to one
 *                      task request (ADR 017)
 */
@ConfigurationProperties("opsledger.access")
public record AccessServiceProperties(Duration tokenLifespan, Keycloak keycloak, Duration taskAnswerTimeout) {

    public AccessServiceProperties {
        tokenLifespan = tokenLifespan == null ? Duration.ofMinutes(5) : tokenLifespan;
        taskAnswerTimeout = taskAnswerTimeout == null ? Duration.ofHours(1) : taskAnswerTimeout;
    }

    /**
     * The confidential client {@code clientId} whose service account holds only the
     * realm-management roles provisioning needs; its secret comes from the environment.
     */
    public record Keycloak(URI baseUrl, String realm, String clientId, String clientSecret) {
    }
}
