package dev.opsledger.contracts.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.MessageTypes;
import dev.opsledger.contracts.OpsLedgerService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Holds each public automation event and request, its JSON Schema and the AsyncAPI document together. */
class AutomationContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Class<?>> automationMessages() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(AutomationContractsTest.class.getPackageName()).stream()
                .filter(JavaClass::isRecord)
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    @Test
    void givenAutomationPackage_whenScanned_thenEveryRecordIsAnAnnotatedEventOrRequest() {
        assertThat(automationMessages()).hasSizeGreaterThanOrEqualTo(9).allSatisfy(type -> {
            assertThat(IntegrationEvent.class.isAssignableFrom(type) || IntegrationRequest.class.isAssignableFrom(type))
                    .as("%s is an event or a request", type.getSimpleName()).isTrue();
            assertThat(type.getAnnotation(MessageType.class)).isNotNull()
                    .extracting(MessageType::service).isEqualTo(OpsLedgerService.AUTOMATION);
            assertThat(MessageTypes.isValid(MessageTypes.typeOf(type))).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("automationMessages")
    void givenAutomationMessage_whenSchemaRead_thenItsPropertiesAndRequiredMatchTheRecord(Class<?> type) throws IOException {
        JsonNode schema = schemaOf(type);
        Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asString()).isEqualTo(MessageTypes.typeOf(type));
        assertThat(names(schema.path("required"))).containsExactlyInAnyOrderElementsOf(components);
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void givenAsyncApiDocument_whenRead_thenItIsVersion3AndNamesEveryAutomationMessage() throws IOException {
        String document;
        try (InputStream in = AutomationContractsTest.class.getResourceAsStream("/asyncapi/automation.yaml")) {
            assertThat(in).as("asyncapi/automation.yaml").isNotNull();
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(document).startsWith("asyncapi: 3.0.0")
                .contains("address: " + OpsLedgerService.AUTOMATION.eventsTopic());
        for (Class<?> type : automationMessages()) {
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
