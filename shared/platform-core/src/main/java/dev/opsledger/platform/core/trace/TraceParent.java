package dev.opsledger.platform.core.trace;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} ({@code 00-<trace id>-<parent id>-<flags>}): the one trace
 * a user's action starts, carried by the HTTP hop into the gateway and a service, then in Axon
 * metadata and in the CloudEvent {@code traceparent} extension across every Kafka hop (ADR 042).
 * Each process that takes part continues it with {@link #nextHop()}: the same trace id, a new parent
 * (span) id of its own, so a tracing backend can put gateway → release → backup → automation on one
 * trace.
 *
 * <p>Deliberately tiny and without a tracing library: the platform has no Micrometer Tracing or
 * OpenTelemetry SDK on its classpath, and what it needs is only to keep the ids flowing. A value that
 * is not a well-formed traceparent is never passed on (it would end up in logs, metadata and events):
 * the receiver starts a new trace instead, as the specification asks.
 */
public record TraceParent(String traceId, String parentId, String flags) {

    /** The header and CloudEvent extension name. */
    public static final String HEADER = "traceparent";

    private static final String VERSION = "00";
    /** Version 00 is exactly this; a later version may append fields after a dash, which we drop. */
    private static final Pattern FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);
    private static final String SAMPLED = "01";
    private static final HexFormat HEX = HexFormat.of();

    public TraceParent {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}") || traceId.equals(INVALID_TRACE_ID)) {
            throw new IllegalArgumentException("not a trace id: " + traceId);
        }
        if (parentId == null || !parentId.matches("[0-9a-f]{16}") || parentId.equals(INVALID_PARENT_ID)) {
            throw new IllegalArgumentException("not a parent id: " + parentId);
        }
        if (flags == null || !flags.matches("[0-9a-f]{2}")) {
            throw new IllegalArgumentException("not trace flags: " + flags);
        }
    }

    /**
     * The traceparent in a header or extension value, if it is one this platform may pass on:
     * version {@code 00} exactly as specified, or a later version's first four fields; never version
     * {@code ff}, an all-zero id, upper-case hex or anything longer than a header needs.
     */
    public static Optional<TraceParent> parse(String value) {
        if (value == null || value.length() > 512) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String version = matcher.group(1);
        if (version.equals("ff") || (version.equals(VERSION) && matcher.group(5) != null)) {
            return Optional.empty();
        }
        String traceId = matcher.group(2);
        String parentId = matcher.group(3);
        if (traceId.equals(INVALID_TRACE_ID) || parentId.equals(INVALID_PARENT_ID)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, parentId, matcher.group(4)));
    }

    /** A new trace, for an action that arrived without (a usable) one. */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, INVALID_TRACE_ID), randomHex(8, INVALID_PARENT_ID), SAMPLED);
    }

    /**
     * What a process that received {@code value} passes on: the same trace under a parent id of its
     * own, or a new trace when {@code value} is absent or malformed.
     */
    public static TraceParent continueOrStart(String value) {
        return parse(value).map(TraceParent::nextHop).orElseGet(TraceParent::newTrace);
    }

    /** The same trace and flags, continued by a new span of this process. */
    public TraceParent nextHop() {
        String next;
        do {
            next = randomHex(8, INVALID_PARENT_ID);
        } while (next.equals(parentId));
        return new TraceParent(traceId, next, flags);
    }

    /** The header form, always version {@code 00}. */
    @Override
    public String toString() {
        return VERSION + "-" + traceId + "-" + parentId + "-" + flags;
    }

    /** Not a secret: trace ids only need to be unique, so a thread-local generator is enough. */
    private static String randomHex(int bytes, String invalid) {
        byte[] random = new byte[bytes];
        String hex;
        do {
            ThreadLocalRandom.current().nextBytes(random);
            hex = HEX.formatHex(random).toLowerCase(Locale.ROOT);
        } while (hex.equals(invalid));
        return hex;
    }
}
