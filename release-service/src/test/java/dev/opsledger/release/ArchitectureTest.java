package dev.opsledger.release;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the decisions (messages, aggregates, value objects, sagas) apart from the code that
 * carries them to HTTP, SQL and Kafka, and keeps other services out of reach except through
 * their public contracts.
 */
@AnalyzeClasses(packages = "dev.opsledger.release", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"..release.*.api..", "..release.*.command..", "..release.*.saga.."};

    @ArchTest
    static final ArchRule domainIsFreeOfWebAndInfrastructure = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..release.*.web..", "..release.*.query..", "..release.*.persistence..",
                    "..release.integration..", "..release.config..",
                    "java.sql..", "javax.sql..", "jakarta.servlet..", "jakarta.persistence..",
                    "org.apache.kafka..", "io.cloudevents..", "dev.opsledger.contracts..")
            .because("the domain decides; adapters translate (STYLE rule 10)");

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAxonAndThePlatformDomain = classes()
            .that().resideInAnyPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "org.axonframework..", "com.fasterxml.jackson.annotation..",
                    "dev.opsledger.platform.actor..",
                    "dev.opsledger.platform.approval..", "dev.opsledger.platform.error..",
                    "..release.*.api..", "..release.*.command..", "..release.*.saga..")
            .andShould().onlyDependOnClassesThat().resideOutsideOfPackage("org.axonframework.spring.config..")
            // Axon's @Aggregate and @Saga stereotypes (org.axonframework.spring.stereotype) are how
            // Axon registers them: annotations only, so they are the one Spring-flavoured import allowed.
            // Jackson's annotations let the saga store serialise a saga's private fields.
            .because("aggregates and sagas get what they need as handler parameters, never as Spring beans");

    @ArchTest
    static final ArchRule otherServicesOnlyThroughContracts = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.opsledger.access..", "dev.opsledger.backup..", "dev.opsledger.automation..",
                    "dev.opsledger.gateway..")
            .because("services reach each other only through shared/contracts");

    @ArchTest
    static final ArchRule webNeverTouchesAggregatesDirectly = noClasses()
            .that().resideInAnyPackage("..release.*.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..release.*.command..", "..release.*.saga..")
            .because("controllers send commands and read projections; aggregates are reached through the command bus");
}
