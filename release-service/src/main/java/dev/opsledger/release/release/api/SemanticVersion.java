package dev.opsledger.release.release.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as SemVer 2.0 defines it. Build metadata is kept for display but ignored by
 * {@link #identity()}: {@code 1.4.0+build.7} and {@code 1.4.0+build.8} are the same release.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease, String build) {

    public static final String INVALID = "release.invalid-version";

    // The regular expression published with the SemVer 2.0 specification.
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                    + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    public static SemanticVersion parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches()) {
            throw BusinessRuleViolation.unprocessable(INVALID, "'" + text + "' is not a SemVer 2.0 version");
        }
        try {
            return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4), m.group(5));
        } catch (NumberFormatException tooLarge) {
            throw BusinessRuleViolation.unprocessable(INVALID, "'" + text + "' has a number part that is too large");
        }
    }

    /** What makes two versions the same release: everything but build metadata. */
    public String identity() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }

    @Override
    public String toString() {
        return identity() + (build == null ? "" : "+" + build);
    }
}
