package dev.opsledger.release.application.api;

/**
 * The stable codes of the application rules, as problem details carry them: the aggregate raises
 * them, controllers and OpenAPI name them, tests assert them. One constant per code.
 * ({@link Lifecycle} keeps the codes of the lifecycle's own rules.)
 */
public final class ApplicationCodes {

    public static final String NOT_FOUND = "application.not-found";
    public static final String NAME_TAKEN = "application.name-taken";
    public static final String INVALID = "application.invalid";

    private ApplicationCodes() {
    }
}
