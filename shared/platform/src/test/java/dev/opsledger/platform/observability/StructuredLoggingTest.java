package dev.opsledger.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.opsledger.platform.metadata.MetadataKeys;

/**
 * A real Boot start-up picks the platform defaults from spring.factories and logs ECS JSON with
 * the request id. The switch-off case is covered by the post-processor's own test: Logback is one
 * per JVM, and other test contexts still alive in this JVM keep it configured as they left it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void givenPlatformOnTheClasspath_whenAServiceLogsDuringARequest_thenTheLineIsEcsJsonWithTheRequestId(
            CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE).run()) {
            MDC.put(MetadataKeys.MDC_REQUEST_ID, "req-json-1");
            try {
                LoggerFactory.getLogger("opsledger.test").info("promotion requested");
            } finally {
                MDC.remove(MetadataKeys.MDC_REQUEST_ID);
            }
        }

        String line = output.getOut().lines().filter(l -> l.contains("promotion requested")).findFirst().orElseThrow();
        assertThat(line).startsWith("{").contains("\"requestId\":\"req-json-1\"").contains("\"ecs\":");
    }
}
