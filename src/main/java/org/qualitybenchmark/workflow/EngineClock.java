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

    EngineClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (clock instanceof MovableClock movable) {
            previousOffset = ClockUtil.now().getTime() - System.currentTimeMillis();
            ClockUtil.offset(movable.offset().toMillis());
            movable.onMove(offset -> ClockUtil.offset(offset.toMillis()));
        }
    }

    /**
     * The engine's clock is one per JVM; where several application contexts share a JVM (tests), the
     * one closing hands back the time it found.
     */
    @Override
    public void destroy() {
        if (clock instanceof MovableClock) {
            ClockUtil.offset(previousOffset);
        }
    }
}
