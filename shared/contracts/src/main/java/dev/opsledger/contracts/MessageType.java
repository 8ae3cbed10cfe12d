package dev.opsledger.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a public message. Its CloudEvent {@code type} is
 * {@code dev.opsledger.<service>.<name>.v<version>}, e.g.
 * {@code dev.opsledger.release.promotion-approved.v1}. A breaking change to a record is a new
 * record with a new version, published beside the old one until consumers have moved.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {

    OpsLedgerService service();

    /** Kebab-case, past tense for events ({@code promotion-approved}), imperative for requests. */
    String name();

    int version();
}
