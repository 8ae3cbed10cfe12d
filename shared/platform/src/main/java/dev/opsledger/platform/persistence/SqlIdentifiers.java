package dev.opsledger.platform.persistence;

import java.util.regex.Pattern;

/**
 * Table and column names that SQL can't take as parameters come from code, never from input;
 * this check keeps it that way.
 */
public final class SqlIdentifiers {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlIdentifiers() {
    }

    public static String plain(String name) {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}
