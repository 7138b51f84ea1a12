package org.qualitybenchmark;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets, to go past a deadline without waiting for it. Views in other zones share its time. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(LocalDateTime start, ZoneId zone) {
        this(new AtomicReference<>(start.atZone(zone).toInstant()), zone);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Sets the time, read as a local time in this clock's zone. */
    public void set(LocalDateTime localTime) {
        now.set(localTime.atZone(zone).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
