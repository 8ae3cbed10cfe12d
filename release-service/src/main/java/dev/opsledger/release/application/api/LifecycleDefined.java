package dev.opsledger.release.application.api;

import org.axonframework.serialization.Revision;

/** {@code version} counts from 1 and grows with every definition. */
@Revision("1")
public record LifecycleDefined(String applicationId, int version, Lifecycle lifecycle) {
}
