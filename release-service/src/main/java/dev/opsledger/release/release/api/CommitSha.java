package dev.opsledger.release.release.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Locale;
import java.util.regex.Pattern;

/** A Git commit id, abbreviated (7+) or full (40 hex digits), stored in lower case. */
public record CommitSha(String value) {

    public static final String INVALID = "release.invalid-commit";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");

    public CommitSha {
        value = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (value == null || !HEX.matcher(value).matches()) {
            throw BusinessRuleViolation.unprocessable(INVALID, "A commit id is 7 to 40 hexadecimal digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
