package org.qualitybenchmark.workflow;

import java.time.Clock;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qualitybenchmark.support.MovableClock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's clock with ours. Where our clock is movable (demo, tests), timers and due
 * dates must be reckoned on the same time as our rules, or a 2022 campaign's deadlines would all
 * have passed the moment the engine starts.
 */
@Component
class EngineClock implements InitializingBean, DisposableBean {

    private final Clock clock;
    private long previousOffset;
    private volatile long ownOffset;

    EngineClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (clock instanceof MovableClock movable) {
            previousOffset = ClockUtil.now().getTime() - System.currentTimeMillis();
            follow(movable.offset().toMillis());
            movable.onMove(offset -> follow(offset.toMillis()));
        }
    }

    private void follow(long offsetMillis) {
        ownOffset = offsetMillis;
        ClockUtil.offset(offsetMillis);
    }

    /**
     * The engine's clock is one per JVM; where several application contexts share a JVM (tests), the
     * one closing hands back the time it found, but only while the engine still keeps its time: once
     * another context has moved the clock since, that context owns it and is left alone.
     */
    @Override
    public void destroy() {
        if (clock instanceof MovableClock
                && Math.abs(ClockUtil.now().getTime() - System.currentTimeMillis() - ownOffset) < 1_000) {
            ClockUtil.offset(previousOffset);
        }
    }
}
