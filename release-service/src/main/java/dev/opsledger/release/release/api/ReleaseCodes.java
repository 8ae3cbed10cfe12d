package dev.opsledger.release.release.api;

/**
 * The stable codes of the release rules, as problem details carry them: the aggregate raises
 * them, controllers and OpenAPI name them, tests assert them. One constant per code.
 * ({@link SemanticVersion} and {@link CommitSha} keep the codes of their own format rules.)
 */
public final class ReleaseCodes {

    public static final String NOT_FOUND = "release.not-found";
    public static final String VERSION_TAKEN = "release.version-taken";
    public static final String INVALID_ARTIFACT = "release.invalid-artifact";

    private ReleaseCodes() {
    }
}
