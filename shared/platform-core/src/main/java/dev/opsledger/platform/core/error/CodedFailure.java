package dev.opsledger.platform.core.error;

/**
 * A failure that carries a stable, machine-readable code (e.g. {@code application.not-found}):
 * what clients switch on in a problem detail, what a request's failure answer names as its
 * reason, and what tests assert on.
 */
public interface CodedFailure {

    String code();
}
