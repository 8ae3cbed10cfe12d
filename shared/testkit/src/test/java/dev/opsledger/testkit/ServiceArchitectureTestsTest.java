package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.opsledger.testkit.archfixture.api.LeakyEvent;
import org.junit.jupiter.api.Test;

class ServiceArchitectureTestsTest {

    @Test
    void givenADomainMessageUsingJdbc_whenTheDomainRuleRuns_thenItFailsNamingTheClass() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakyEvent.class);

        assertThatThrownBy(() ->
                ServiceArchitectureTests.givenTheDomain_whenItsDependenciesAreRead_thenNoWebNorInfrastructure(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(LeakyEvent.class.getName())
                .hasMessageContaining("java.sql.Connection");
    }

    @Test
    void givenClassesOfTwoServices_whenTheServiceIsRead_thenRefused() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakyEvent.class, ServiceArchitecture.class,
                dev.opsledger.contracts.OpsLedgerService.class);

        assertThatThrownBy(() -> ServiceArchitectureTests.rulesFor(classes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testkit").hasMessageContaining("contracts");
    }
}
