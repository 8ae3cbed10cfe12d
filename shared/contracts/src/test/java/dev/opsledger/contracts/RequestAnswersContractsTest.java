package dev.opsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The answers every service gives to requests: one record and schema, one type per publishing service. */
class RequestAnswersContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(classes = {RequestFailed.class, RequestRejected.class})
    void givenAnswer_whenTypedPerPublisher_thenEachServiceHasAValidTypeOfItsOwn(Class<?> answer) {
        for (OpsLedgerService service : OpsLedgerService.values()) {
            String type = MessageTypes.typeOf(answer, service);
            assertThat(MessageTypes.isValid(type)).as(type).isTrue();
            assertThat(type).startsWith(MessageTypes.PREFIX + service.id() + ".request-");
        }
        assertThat(IntegrationAnswer.class).isAssignableFrom(answer);
    }

    @ParameterizedTest
    @ValueSource(classes = {RequestFailed.class, RequestRejected.class})
    void givenAnswer_whenSchemaRead_thenItsPropertiesAndRequiredMatchTheRecord(Class<?> answer) throws IOException {
        JsonNode schema;
        try (InputStream in = answer.getResourceAsStream(MessageTypes.schemaResource(answer))) {
            assertThat(in).as(MessageTypes.schemaResource(answer)).isNotNull();
            schema = JSON.readTree(in);
        }
        List<String> components = Arrays.stream(answer.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(MessageTypes.schemaResource(answer)).startsWith("/schemas/common/");
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asString())
                .isEqualTo(MessageTypes.typeOf(answer, OpsLedgerService.RELEASE).replace(".release.", ".<service>."));
        assertThat(StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
    }

    @ParameterizedTest
    @ValueSource(classes = {RequestFailed.class, RequestRejected.class})
    void givenReleaseAsyncApi_whenRead_thenItNamesTheAnswersAndTheDeadLetterTopic(Class<?> answer) throws IOException {
        String document;
        try (InputStream in = RequestAnswersContractsTest.class.getResourceAsStream("/asyncapi/release.yaml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(document).contains("name: " + MessageTypes.typeOf(answer, OpsLedgerService.RELEASE))
                .contains("../" + MessageTypes.schemaResource(answer).substring(1))
                .contains("address: " + OpsLedgerService.RELEASE.deadLetterTopic());
    }
}
