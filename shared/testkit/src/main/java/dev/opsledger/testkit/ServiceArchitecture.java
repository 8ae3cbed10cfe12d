package dev.opsledger.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.opsledger.contracts.OpsLedgerService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture rules every service keeps (STYLE rules 4, 5 and 10), as one set a service's
 * {@code ArchitectureTest} applies to its own root package through {@link ServiceArchitectureTests},
 * which turns each rule into a test.
 *
 * Packages are by feature first, then by role: a feature's {@code api} (messages and value
 * objects), {@code command} (aggregates), {@code saga} are the domain; {@code web}, {@code query},
 * {@code persistence}, the service-wide {@code integration} and {@code config} carry it to HTTP,
 * SQL and Kafka. The sibling services come from {@link OpsLedgerService}, so a new service is
 * fenced off from every copy at once.
 */
public final class ServiceArchitecture {

    private final String service;
    private final String root;

    private ServiceArchitecture(String service) {
        this.service = service;
        this.root = "dev.opsledger." + service;
    }

    /** The rules for {@code dev.opsledger.<service>}, e.g. {@code of("release")}. */
    public static ServiceArchitecture of(String service) {
        return new ServiceArchitecture(service);
    }

    private String[] domain() {
        return new String[] {root + ".*.api..", root + ".*.command..", root + ".*.saga.."};
    }

    public ArchRule domainIsFreeOfWebAndInfrastructure() {
        return noClasses()
                .that().resideInAnyPackage(domain())
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".*.web..", root + ".*.query..", root + ".*.persistence..",
                        root + ".integration..", root + ".config..",
                        "java.sql..", "javax.sql..", "jakarta.servlet..", "jakarta.persistence..",
                        "org.apache.kafka..", "io.cloudevents..", "dev.opsledger.contracts..")
                .because("the domain decides; adapters translate (STYLE rule 10)");
    }

    /**
     * Aggregates and sagas get what they need as handler parameters, never as Spring beans.
     * Axon's {@code @Aggregate} and {@code @Saga} stereotypes are how Axon registers them:
     * annotations only, so they are the one Spring-flavoured import allowed. Jackson's annotations
     * let the saga store serialise a saga's private fields. An aggregate derives the ids of the
     * requests it decides to send ({@code platform.request}), plain Java without the Kafka bridge.
     */
    public ArchRule domainDependsOnlyOnJavaAxonAndThePlatformDomain(String... alsoAllowed) {
        List<String> allowed = new ArrayList<>(List.of(
                "java..", "org.axonframework..", "com.fasterxml.jackson.annotation..",
                "dev.opsledger.platform.actor..", "dev.opsledger.platform.approval..",
                "dev.opsledger.platform.error..", "dev.opsledger.platform.core.error..",
                "dev.opsledger.platform.request.."));
        allowed.addAll(List.of(domain()));
        allowed.addAll(List.of(alsoAllowed));
        return classes()
                .that().resideInAnyPackage(domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackage("org.axonframework.spring.config..")
                .because("aggregates and sagas get what they need as handler parameters, never as Spring beans");
    }

    public ArchRule otherServicesOnlyThroughContracts() {
        String[] others = Stream.concat(
                        Stream.of(OpsLedgerService.values()).map(OpsLedgerService::id),
                        Stream.of("gateway"))
                .filter(other -> !other.equals(service))
                .map(other -> "dev.opsledger." + other + "..")
                .toArray(String[]::new);
        return noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services reach each other only through shared/contracts");
    }

    public ArchRule webNeverTouchesAggregatesDirectly() {
        return noClasses()
                .that().resideInAnyPackage(root + ".*.web..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".*.command..", root + ".*.saga..")
                .because("controllers send commands and read projections; aggregates are reached through the command bus");
    }
}
