package org.qualitybenchmark.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import org.qualitybenchmark.support.MovableClock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfiguration {

    /** Runs the reminder scan on this node: on a schedule, and whenever the demo clock is moved. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "qb.reminders.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        @Bean
        ScanRound scanRound(ReminderScan scan, Clock clock) {
            return new ScanRound(scan, clock);
        }
    }

    static class ScanRound {

        private static final Logger log = LoggerFactory.getLogger(ScanRound.class);

        private final ReminderScan scan;

        ScanRound(ReminderScan scan, Clock clock) {
            this.scan = scan;
            // Moving the demo clock jumps over days whose reminders are due now; the demo should show them at once.
            if (clock instanceof MovableClock movable) {
                movable.onMove(offset -> run());
            }
        }

        @Scheduled(fixedDelayString = "${qb.reminders.scan-interval:PT5M}",
                initialDelayString = "${qb.reminders.initial-delay:PT30S}")
        void run() {
            try {
                scan.scan();
            } catch (RuntimeException e) {
                // The next round catches up; a failing scan must not stop the schedule or a clock move.
                log.error("提醒扫描失败，下一轮重试", e);
            }
        }
    }
}
