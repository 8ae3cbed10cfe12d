package dev.opsledger.platform.core.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one source of "now" for aggregates, sagas, projections and the gateway's rate limiter, so
 * a test replaces it with a clock it moves by hand (the testkit's {@code MutableClock}).
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
