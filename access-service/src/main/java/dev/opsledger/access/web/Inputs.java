package dev.opsledger.access.web;

/**
 * Input shapes every controller checks at the edge. PostgreSQL refuses NUL in text, which would
 * stall a projection long after the command was accepted, so free text must be free of it.
 */
public final class Inputs {

    /** Ids are UUIDs this service generated; anything else can't name one of ours. */
    public static final String ID = "[A-Za-z0-9-]{1,64}";
    /** Any text but NUL (newlines allowed). */
    public static final String TEXT = "[^\\x00]*";
    /** A realm role or other plain name. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private Inputs() {
    }
}
