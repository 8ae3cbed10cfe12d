package dev.opsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Holds every service's public messages, their JSON Schemas and the service's AsyncAPI document
 * together: each record in {@code dev.opsledger.contracts.<service>} is an annotated event or
 * request of that service, its schema names exactly its fields, and the AsyncAPI document names
 * it. A service that lands with its contracts package is checked without a test of its own.
 */
class ServiceContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Class<?>> messagesOf(OpsLedgerService service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ServiceContractsTest.class.getPackageName() + "." + service.id()).stream()
                .filter(JavaClass::isRecord)
                .filter(type -> type.getPackageName().equals(ServiceContractsTest.class.getPackageName() + "." + service.id()))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    static Stream<Arguments> messages() {
        return Stream.of(OpsLedgerService.values())
                .flatMap(service -> messagesOf(service).stream().map(type -> Arguments.of(service, type)));
    }

    static Stream<OpsLedgerService> publishingServices() {
        return Stream.of(OpsLedgerService.values()).filter(service -> !messagesOf(service).isEmpty());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("messages")
    void givenARecordInAServicesPackage_whenRead_thenItIsAnAnnotatedEventOrRequestOfThatService(
            OpsLedgerService service, Class<?> type) {
        assertThat(IntegrationEvent.class.isAssignableFrom(type) || IntegrationRequest.class.isAssignableFrom(type))
                .as("%s is an event or a request", type.getSimpleName()).isTrue();
        assertThat(type.getAnnotation(MessageType.class)).isNotNull()
                .extracting(MessageType::service).isEqualTo(service);
        assertThat(MessageTypes.isValid(MessageTypes.typeOf(type))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("messages")
    void givenAMessage_whenItsSchemaIsRead_thenItsPropertiesAndRequiredMatchTheRecord(OpsLedgerService service,
                                                                                     Class<?> type) throws IOException {
        JsonNode schema = schemaOf(type);
        Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asString()).isEqualTo(MessageTypes.typeOf(type));
        assertThat(names(schema.path("required"))).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
    }

    @ParameterizedTest
    @MethodSource("publishingServices")
    void givenAServicesAsyncApiDocument_whenRead_thenItIsVersion3AndNamesEveryMessage(OpsLedgerService service)
            throws IOException {
        String resource = "/asyncapi/" + service.id() + ".yaml";
        String document;
        try (InputStream in = ServiceContractsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(document).startsWith("asyncapi: 3.0.0").contains("address: " + service.eventsTopic());
        for (Class<?> type : messagesOf(service)) {
            String schemaPath = MessageTypes.schemaResource(type).substring(1);
            assertThat(document).contains("name: " + MessageTypes.typeOf(type)).contains("../" + schemaPath);
        }
    }

    private static JsonNode schemaOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(MessageTypes.schemaResource(type))) {
            assertThat(in).as("schema of %s at %s", type.getSimpleName(), MessageTypes.schemaResource(type))
                    .isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
