package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsEnvironmentPostProcessorTest {

    private final PlatformDefaultsEnvironmentPostProcessor postProcessor = new PlatformDefaultsEnvironmentPostProcessor();

    @Test
    void givenServiceWithoutSettings_whenPostProcessed_thenNoAxonServerJackson3AndNoPhoningHome() {
        StandardEnvironment environment = new StandardEnvironment();
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson3");
        assertThat(environment.getProperty("axon.update-check.disabled")).isEqualTo("true");
        assertThat(environment.getProperty("jobrunr.miscellaneous.allow-anonymous-data-usage")).isEqualTo("false");
    }

    @Test
    void givenServiceThatOptsIn_whenPostProcessed_thenItsOwnSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("axon.update-check.disabled", "false")));
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.update-check.disabled")).isEqualTo("false");
    }

    @Test
    void givenServiceWithoutSettings_whenPostProcessed_thenProcessorsBatchAndThePoolFitsTheProcessors() {
        StandardEnvironment environment = new StandardEnvironment();
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.eventhandling.processors.integration-publisher.batch-size"))
                .isEqualTo(String.valueOf(AxonPlatformAutoConfiguration.PROCESSOR_BATCH_SIZE));
        assertThat(environment.getProperty("axon.eventhandling.processors.integration-request-sender.batch-size"))
                .isEqualTo(String.valueOf(AxonPlatformAutoConfiguration.PROCESSOR_BATCH_SIZE));
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("20");
        assertThat(environment.getProperty("spring.datasource.hikari.minimum-idle")).isEqualTo("2");
    }

    @Test
    void givenAnotherBatchSize_whenPostProcessed_thenThePublisherFollowsIt() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("opsledger.axon.processor-batch-size", "1")));
        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.eventhandling.processors.integration-publisher.batch-size"))
                .isEqualTo("1");
    }
}
