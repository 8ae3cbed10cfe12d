package dev.opsledger.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock tests move by hand, or one that follows a fixture's own time. */
public final class MutableClock extends Clock {

    private Supplier<Instant> now;

    private MutableClock(Supplier<Instant> now) {
        this.now = now;
    }

    public static MutableClock at(Instant instant) {
        MutableClock clock = new MutableClock(null);
        clock.set(instant);
        return clock;
    }

    /** Follows {@code source}, e.g. {@code sagaFixture::currentTime}. */
    public static MutableClock following(Supplier<Instant> source) {
        return new MutableClock(source);
    }

    /** From now on follows {@code source} again, e.g. {@code Instant::now} after a test held time still. */
    public void follow(Supplier<Instant> source) {
        now = source;
    }

    public void set(Instant instant) {
        now = () -> instant;
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tests read instants only");
    }
}
