package dev.opsledger.gateway.live;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.opsledger.gateway.config.GatewayProperties;

/** The Kafka feed exists where Kafka is configured (devstack, compose); elsewhere /api/events answers 503. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    @ConditionalOnExpression("!'${opsledger.gateway.live.bootstrap-servers:}'.isBlank()")
    KafkaLiveEventFeed kafkaLiveEventFeed(LiveEvents live, GatewayProperties properties, Environment environment) {
        return new KafkaLiveEventFeed(live, properties, properties.live().bootstrapServers(), clientSecurity(environment));
    }

    /**
     * The gateway's Kafka login, under Spring's own {@code spring.kafka.properties.*} keys like every service's
     * (the devstack passes them, compose sets {@code SPRING_KAFKA_PROPERTIES_*}): on a secured broker it reads
     * the events topics as principal {@code gateway} (ADR 063).
     */
    static Map<String, String> clientSecurity(Environment environment) {
        return Binder.get(environment).bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }
}
