package dev.opsledger.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link ServiceArchitecture}'s rules as ArchUnit tests, for a service's {@code ArchitectureTest}
 * to include whole, so a new service gets every rule by two lines and a new rule reaches every
 * service at once:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.opsledger.release", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests SERVICE_RULES = ArchTests.in(ServiceArchitectureTests.class);
 * }
 * }</pre>
 *
 * The service is read from the analysed classes' root package ({@code dev.opsledger.<service>}),
 * so the including test names it once, in {@code @AnalyzeClasses}.
 */
public final class ServiceArchitectureTests {

    private ServiceArchitectureTests() {
    }

    @ArchTest
    static void givenTheDomain_whenItsDependenciesAreRead_thenNoWebNorInfrastructure(JavaClasses classes) {
        rulesFor(classes).domainIsFreeOfWebAndInfrastructure().check(classes);
    }

    @ArchTest
    static void givenTheDomain_whenItsDependenciesAreRead_thenOnlyJavaAxonAndThePlatformDomain(JavaClasses classes) {
        rulesFor(classes).domainDependsOnlyOnJavaAxonAndThePlatformDomain().check(classes);
    }

    @ArchTest
    static void givenAnyClass_whenItsDependenciesAreRead_thenNoOtherServiceButThroughContracts(JavaClasses classes) {
        rulesFor(classes).otherServicesOnlyThroughContracts().check(classes);
    }

    @ArchTest
    static void givenAController_whenItsDependenciesAreRead_thenNoAggregateNorSaga(JavaClasses classes) {
        rulesFor(classes).webNeverTouchesAggregatesDirectly().check(classes);
    }

    /** The one service whose classes these are; analysing two services' classes at once is a mistake. */
    static ServiceArchitecture rulesFor(JavaClasses classes) {
        Set<String> services = classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith("dev.opsledger."))
                .map(name -> name.split("\\.")[2])
                .collect(Collectors.toSet());
        if (services.size() != 1) {
            throw new IllegalArgumentException(
                    "Analyse exactly one service's root package (dev.opsledger.<service>), found " + services);
        }
        return ServiceArchitecture.of(services.iterator().next());
    }
}
