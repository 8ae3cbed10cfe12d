package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

class OpsLedgerContextCustomizerFactoryTest {

    private final OpsLedgerContextCustomizerFactory factory = new OpsLedgerContextCustomizerFactory();

    @Test
    void givenNoAnnotation_whenFactoryAsked_thenNoCustomizer() {
        assertThat(customizer(Plain.class)).isNull();
    }

    @Test
    void givenTwoPostgresClasses_whenCustomizersCompared_thenDifferentCacheKeys() {
        assertThat(customizer(PostgresA.class)).isNotEqualTo(customizer(PostgresB.class));
        assertThat(customizer(PostgresA.class)).isEqualTo(customizer(PostgresA.class))
                .hasSameHashCodeAs(customizer(PostgresA.class));
    }

    @Test
    void givenKafkaOnlyClasses_whenCustomizersCompared_thenContextsShared() {
        assertThat(customizer(KafkaA.class)).isEqualTo(customizer(KafkaB.class));
    }

    @Test
    void givenSubclassOfPostgresClass_whenCustomizersCompared_thenOwnDatabase() {
        assertThat(customizer(PostgresASubclass.class)).isNotEqualTo(customizer(PostgresA.class));
    }

    @Test
    void givenNestedClassWithoutAnnotation_whenCustomizerCreated_thenEnclosingClassDatabase() {
        assertThat(customizer(PostgresA.Inner.class)).isEqualTo(customizer(PostgresA.class));
    }

    @Test
    void givenKeycloakAndLocalIssuer_whenCustomizerCreated_thenRefused() {
        assertThatThrownBy(() -> customizer(BothIssuers.class)).hasMessageContaining("only one");
    }

    private ContextCustomizer customizer(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }

    static class Plain {
    }

    @WithPostgres
    static class PostgresA {
        @Nested
        class Inner {
        }
    }

    static class PostgresASubclass extends PostgresA {
    }

    @WithPostgres
    static class PostgresB {
    }

    @WithKafka
    static class KafkaA {
    }

    @WithKafka
    static class KafkaB {
    }

    @WithKeycloak
    @WithLocalJwtIssuer
    static class BothIssuers {
    }
}
