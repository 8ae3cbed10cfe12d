package dev.opsledger.access;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.opsledger.testkit.ServiceArchitecture;

/** The testkit's rules for every service, applied to access-service. */
@AnalyzeClasses(packages = "dev.opsledger.access", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final ServiceArchitecture RULES = ServiceArchitecture.of("access");

    @ArchTest
    void givenTheDomain_whenItsDependenciesAreRead_thenNoWebNorInfrastructure(JavaClasses classes) {
        RULES.domainIsFreeOfWebAndInfrastructure().check(classes);
    }

    @ArchTest
    void givenTheDomain_whenItsDependenciesAreRead_thenOnlyJavaAxonAndThePlatformDomain(JavaClasses classes) {
        RULES.domainDependsOnlyOnJavaAxonAndThePlatformDomain().check(classes);
    }

    @ArchTest
    void givenAnyClass_whenItsDependenciesAreRead_thenNoOtherServiceButThroughContracts(JavaClasses classes) {
        RULES.otherServicesOnlyThroughContracts().check(classes);
    }

    @ArchTest
    void givenAController_whenItsDependenciesAreRead_thenNoAggregateNorSaga(JavaClasses classes) {
        RULES.webNeverTouchesAggregatesDirectly().check(classes);
    }
}
