package dev.opsledger.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a public message that every service publishes, each under its own type:
 * {@code dev.opsledger.<publishing service>.<name>.v<version>}, e.g.
 * {@code dev.opsledger.backup.request-failed.v1}. One record and one JSON Schema
 * ({@code schemas/common/<name>.v<version>.json}) serve all services, while the type still
 * follows the naming rule of {@link MessageTypes} and says who published it.
 *
 * <p>A record carries either this or {@link MessageType}, never both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CommonMessageType {

    /** Kebab-case, as for {@link MessageType#name()}. */
    String name();

    int version();
}
