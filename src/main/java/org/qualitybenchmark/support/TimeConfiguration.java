package org.qualitybenchmark.support;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock our code reads. The demo profile starts it at a date inside a past campaign's
 * application window ({@code qb.clock-start}) so that real notices can be run as they were;
 * time then moves on normally from there, and can be moved forward to reach a campaign's deadlines
 * ({@link MovableClock}).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(AppProperties properties, @Value("${qb.clock-start:}") String demoStart) {
        Clock system = Clock.system(properties.zone());
        if (demoStart.isBlank()) {
            return system;
        }
        return new MovableClock(system, LocalDateTime.parse(demoStart).atZone(properties.zone()).toInstant());
    }
}
