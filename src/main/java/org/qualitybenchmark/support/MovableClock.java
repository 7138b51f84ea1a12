package org.qualitybenchmark.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock running at normal speed from a chosen start, which can be moved forward. Only the demo and
 * tests use it ({@code qb.clock-start}): a campaign of a past year can then be run on its own
 * dates, and its deadlines reached without waiting for them. It never moves backwards, so no
 * recorded decision ever lies in the future.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration offset;
    private final List<Consumer<Duration>> listeners = new CopyOnWriteArrayList<>();

    public MovableClock(Clock base, Instant start) {
        this.base = base;
        this.offset = Duration.between(base.instant(), start);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    /** How far this clock is ahead of (negative: behind) the real time. */
    public Duration offset() {
        return offset;
    }

    public synchronized void moveTo(Instant target) {
        Instant now = instant();
        if (target.isBefore(now)) {
            throw new RuleViolationException("to", "clock.backwards", "只能向后调整时间（当前为" + now + "）");
        }
        offset = offset.plus(Duration.between(now, target));
        listeners.forEach(listener -> listener.accept(offset));
    }

    /** Called with the new offset whenever the clock moves, e.g. to move the engine's clock along. */
    public void onMove(Consumer<Duration> listener) {
        listeners.add(listener);
    }
}
