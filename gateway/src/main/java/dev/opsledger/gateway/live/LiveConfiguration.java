package dev.opsledger.gateway.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.opsledger.gateway.config.GatewayProperties;

/** The Kafka feed exists where Kafka is configured (devstack, compose); elsewhere /api/events answers 503. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    @ConditionalOnExpression("!'${opsledger.gateway.live.bootstrap-servers:}'.isBlank()")
    KafkaLiveEventFeed kafkaLiveEventFeed(LiveEvents live, GatewayProperties properties) {
        return new KafkaLiveEventFeed(live, properties, properties.live().bootstrapServers());
    }
}
