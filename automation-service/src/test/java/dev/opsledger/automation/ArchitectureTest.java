package dev.opsledger.automation;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.opsledger.testkit.ServiceArchitectureTests;

/**
 * Keeps the decisions (messages, aggregates, value objects, sagas) apart from the code that
 * carries them to HTTP, SQL and Kafka, and keeps other services out of reach except through
 * their public contracts: the testkit's rules for every service, applied to this one.
 */
@AnalyzeClasses(packages = "dev.opsledger.automation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests SERVICE_RULES = ArchTests.in(ServiceArchitectureTests.class);
}
