package dev.opsledger.automation.run.query;

/** A piece of a run's log; {@code offset} counts characters from the start of the log. */
public record LogChunk(long offset, String text) {
}
