package dev.opsledger.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractsArchitectureTest {

    private final JavaClasses contracts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.opsledger.contracts");

    @Test
    void givenContracts_whenChecked_thenNoFrameworkDependencies() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta.persistence..",
                        "org.apache.kafka..", "dev.opsledger.platform..")
                .check(contracts);
    }
}
