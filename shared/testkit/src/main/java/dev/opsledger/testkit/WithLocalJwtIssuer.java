package dev.opsledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uses {@link LocalJwtIssuer#shared()} instead of Keycloak: methods may take a {@link LocalJwtIssuer}
 * parameter to mint tokens, and a {@code @SpringBootTest} class gets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set to the local issuer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithLocalJwtIssuer {
}
