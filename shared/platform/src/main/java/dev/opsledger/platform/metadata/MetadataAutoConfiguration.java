package dev.opsledger.platform.metadata;

import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Actor, request and correlation metadata on every Axon message. The providers are beans of
 * type {@link CorrelationDataProvider}, which also switches off Axon's own
 * {@code MessageOriginProvider} (it is conditional on no such bean).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@ConditionalOnClass(CommandBus.class)
public class MetadataAutoConfiguration {

    @Bean
    public CorrelationIdsProvider correlationIdsProvider() {
        return new CorrelationIdsProvider();
    }

    @Bean
    public OriginMetadataProvider originMetadataProvider(
            @Value("${spring.application.name:opsledger}") String applicationName) {
        return new OriginMetadataProvider(applicationName);
    }

    /**
     * A deadline is handled in the deadline manager's own unit of work, to which Axon gives no
     * correlation data providers: without them, what a deadline sets off (a saga expiring a
     * promotion, starting a deployment) would start a new chain with no actor and no cause.
     */
    @Bean
    public SmartInitializingSingleton deadlineCorrelationRegistration(ObjectProvider<DeadlineManager> deadlineManagers,
                                                                      List<CorrelationDataProvider> providers) {
        return () -> deadlineManagers.ifAvailable(deadlineManager ->
                deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
    }

    /**
     * Registered on the buses rather than the gateways: a command sent with
     * {@code commandBus.dispatch(...)} or an event published on the bus is stamped as well.
     * Deliberately not a {@code MessageDispatchInterceptor} bean, which Axon would add to the
     * gateways a second time.
     */
    @Bean
    public SmartInitializingSingleton originMetadataDispatchRegistration(
            CommandBus commandBus, EventBus eventBus,
            @Value("${spring.application.name:opsledger}") String applicationName) {
        return () -> {
            commandBus.registerDispatchInterceptor(new OriginMetadataDispatchInterceptor<CommandMessage<?>>(applicationName));
            eventBus.registerDispatchInterceptor(new OriginMetadataDispatchInterceptor<EventMessage<?>>(applicationName));
        };
    }
}
