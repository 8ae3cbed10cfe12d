package dev.opsledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the JVM's shared Keycloak with the {@code opsledger} realm. Methods may take a {@link KeycloakServer}
 * parameter (for {@link KeycloakServer#passwordGrant}); a {@code @SpringBootTest} class gets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set to the realm's issuer.
 * Not combinable with {@link WithLocalJwtIssuer}, which sets the same property.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithKeycloak {
}
