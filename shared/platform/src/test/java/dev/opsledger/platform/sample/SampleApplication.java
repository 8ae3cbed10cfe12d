package dev.opsledger.platform.sample;

import dev.opsledger.platform.kafka.IntegrationRequestHandler;
import dev.opsledger.platform.kafka.RequestAnswer;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SamplePublicMessages.RecordSampleWorkV1;
import dev.opsledger.platform.sample.SamplePublicMessages.SampleWorkRecordedV1;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service built on the platform the way real ones are: only domain code, a request handler
 * and the event that answers it; every piece of infrastructure comes from the platform's auto-configuration.
 */
@SpringBootApplication
public class SampleApplication {

    @Bean
    RequestAnswer<SampleWorkRecorded> sampleWorkRecordedAnswer() {
        return RequestAnswer.of(SampleWorkRecorded.class, (recorded, requestId) ->
                new SampleWorkRecordedV1(recorded.taskId(), recorded.amount(), recorded.total(), requestId));
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
