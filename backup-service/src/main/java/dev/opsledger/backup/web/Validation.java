package dev.opsledger.backup.web;

/** Patterns every controller's request bodies share. */
public final class Validation {

    /** Printable text without control characters (NUL included), for names and reasons. */
    public static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";

    private Validation() {
    }
}
