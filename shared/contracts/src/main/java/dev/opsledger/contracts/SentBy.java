package dev.opsledger.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The services that may send a request. The one declaration of "who may ask what": the broker's
 * ACLs give a service the right to write a requests topic only if it sends one of that topic's
 * requests, and the receiving service refuses a request whose CloudEvent {@code source} is not
 * listed here (ADR 063). A request record without it can be sent by no one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SentBy {

    OpsLedgerService[] value();
}
