package dev.opsledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the JVM's shared Kafka broker. Methods may take a {@link KafkaBroker} parameter; a
 * {@code @SpringBootTest} class gets {@code spring.kafka.bootstrap-servers}. Topics are shared by all
 * classes of the JVM: use names or consumer groups unique to the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithKafka {
}
