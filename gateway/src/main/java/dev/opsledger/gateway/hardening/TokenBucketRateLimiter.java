package dev.opsledger.gateway.hardening;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-memory token bucket per caller. Good for one gateway instance; with several instances each
 * keeps its own buckets, so the effective limit is per instance (no shared store is available).
 */
public class TokenBucketRateLimiter {

    /** Outcome of one request: allowed, or refused with the time until a token is back. */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    private final long capacity;
    private final double refillPerNano;
    private final int maxTrackedCallers;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(int capacity, int refillPerSecond, int maxTrackedCallers, Clock clock) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.maxTrackedCallers = maxTrackedCallers;
        this.clock = clock;
    }

    public Decision tryConsume(String callerKey) {
        long now = nanos();
        if (buckets.size() > maxTrackedCallers) {
            forgetIdleBuckets(now);
        }
        return buckets.computeIfAbsent(callerKey, key -> new Bucket(capacity, now)).tryConsume(now);
    }

    int trackedCallers() {
        return buckets.size();
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** A bucket that has refilled completely carries no information and may go. */
    private void forgetIdleBuckets(long now) {
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        synchronized Decision tryConsume(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) tokens, Duration.ZERO);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / refillPerNano);
            return new Decision(false, 0, Duration.ofNanos(waitNanos));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
                updatedAt = now;
            }
        }
    }
}
