package org.qualitybenchmark.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, MailProperties.class})
class NotificationConfiguration {

    /** Runs the dispatcher on this node; switched off by {@code qb.notifications.dispatcher-enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "qb.notifications.dispatcher-enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        @Bean
        DispatchRound dispatchRound(OutboxDispatcher dispatcher) {
            return new DispatchRound(dispatcher);
        }
    }

    static class DispatchRound {

        private final OutboxDispatcher dispatcher;

        DispatchRound(OutboxDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${qb.notifications.dispatch-interval:PT15S}",
                initialDelayString = "${qb.notifications.dispatch-interval:PT15S}")
        void run() {
            dispatcher.dispatchBacklog();
        }
    }
}
