package dev.opsledger.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of the {@code @With…} annotations: starts what the class asks for before its first test
 * (so start-up time is not charged to one test method's timeout) and resolves the handle parameters.
 * One class for all annotations, so a class carrying several still registers a single resolver per type.
 */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        InfrastructureRequest request = InfrastructureRequest.of(testClass);
        request.validate();
        if (request.postgresOwner() != null) {
            TestInfrastructure.databaseFor(request.postgresOwner());
        }
        if (request.kafka()) {
            TestInfrastructure.kafka();
        }
        if (request.keycloak()) {
            TestInfrastructure.keycloak();
        }
        if (request.localJwtIssuer()) {
            LocalJwtIssuer.shared();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        InfrastructureRequest request = InfrastructureRequest.of(extensionContext.getRequiredTestClass());
        return ((type == PostgresDatabase.class || type == PostgresServer.class) && request.postgresOwner() != null)
                || (type == KafkaBroker.class && request.kafka())
                || (type == KeycloakServer.class && request.keycloak())
                || (type == LocalJwtIssuer.class && request.localJwtIssuer());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        InfrastructureRequest request = InfrastructureRequest.of(extensionContext.getRequiredTestClass());
        if (type == PostgresDatabase.class) {
            return TestInfrastructure.databaseFor(request.postgresOwner());
        }
        if (type == PostgresServer.class) {
            return TestInfrastructure.postgres();
        }
        if (type == KafkaBroker.class) {
            return TestInfrastructure.kafka();
        }
        if (type == KeycloakServer.class) {
            return TestInfrastructure.keycloak();
        }
        if (type == LocalJwtIssuer.class) {
            return LocalJwtIssuer.shared();
        }
        throw new ParameterResolutionException("not an OpsLedger testkit handle: " + type.getName());
    }
}
