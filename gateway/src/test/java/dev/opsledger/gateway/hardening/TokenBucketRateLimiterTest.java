package dev.opsledger.gateway.hardening;

import dev.opsledger.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T12:00:00Z"));

    @Test
    void givenFullBucket_whenCapacityUsed_thenNextRefusedWithRetryAfter() {
        var limiter = new TokenBucketRateLimiter(3, 2, 1000, clock);

        assertThat(limiter.tryConsume("sub:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("sub:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("sub:a").allowed()).isTrue();
        var refused = limiter.tryConsume("sub:a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void givenEmptyBucket_whenTimePasses_thenRefilledAtTheConfiguredRate() {
        var limiter = new TokenBucketRateLimiter(2, 2, 1000, clock);
        limiter.tryConsume("sub:a");
        limiter.tryConsume("sub:a");

        clock.advance(Duration.ofMillis(500));

        assertThat(limiter.tryConsume("sub:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("sub:a").allowed()).isFalse();
    }

    @Test
    void givenTwoCallers_whenOneExhausted_thenTheOtherUnaffected() {
        var limiter = new TokenBucketRateLimiter(1, 1, 1000, clock);

        assertThat(limiter.tryConsume("sub:a").allowed()).isTrue();
        assertThat(limiter.tryConsume("sub:a").allowed()).isFalse();
        assertThat(limiter.tryConsume("sub:b").allowed()).isTrue();
    }

    @Test
    void givenManyIdleCallers_whenAboveTheTrackingLimit_thenRefilledBucketsForgotten() {
        var limiter = new TokenBucketRateLimiter(1, 1, 100, clock);
        for (int i = 0; i < 101; i++) {
            limiter.tryConsume("ip:" + i);
        }
        clock.advance(Duration.ofSeconds(5));

        limiter.tryConsume("ip:new");

        assertThat(limiter.trackedCallers()).isEqualTo(1);
    }
}
