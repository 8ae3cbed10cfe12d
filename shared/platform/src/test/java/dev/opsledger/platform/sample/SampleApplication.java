package dev.opsledger.platform.sample;

import dev.opsledger.platform.kafka.IntegrationEventMapper;
import dev.opsledger.platform.kafka.IntegrationRequestHandler;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service built on the platform the way real ones are: only domain code, a mapper and a
 * request handler; every piece of infrastructure comes from the platform's auto-configuration.
 */
@SpringBootApplication
public class SampleApplication {

    @Bean
    IntegrationEventMapper sampleEventMapper() {
        return event -> event.getPayload() instanceof SampleWorkRecorded recorded
                ? Optional.of(new SampleWorkRecordedV1(recorded.taskId(), recorded.amount(), recorded.total()))
                : Optional.empty();
    }

    @Bean
    IntegrationRequestHandler<RecordSampleWorkV1> recordSampleWorkHandler() {
        return new IntegrationRequestHandler<>() {
            @Override
            public Class<RecordSampleWorkV1> requestType() {
                return RecordSampleWorkV1.class;
            }

            @Override
            public Object toCommand(RecordSampleWorkV1 request) {
                return new RecordSampleWork(request.subject(), request.amount());
            }
        };
    }
}
