package dev.opsledger.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * What a test class asks for through the {@code @With…} annotations, read the same way by the JUnit
 * extension and the Spring context customizer so both hand out the same database.
 *
 * @param postgresOwner the class whose database the test uses, or {@code null} without {@link WithPostgres}
 */
record InfrastructureRequest(Class<?> postgresOwner, boolean kafka, boolean keycloak, boolean localJwtIssuer) {

    static InfrastructureRequest of(Class<?> testClass) {
        return new InfrastructureRequest(
                owner(testClass, WithPostgres.class),
                owner(testClass, WithKafka.class) != null,
                owner(testClass, WithKeycloak.class) != null,
                owner(testClass, WithLocalJwtIssuer.class) != null);
    }

    boolean any() {
        return postgresOwner != null || kafka || keycloak || localJwtIssuer;
    }

    void validate() {
        if (keycloak && localJwtIssuer) {
            throw new IllegalStateException("@WithKeycloak and @WithLocalJwtIssuer both set the resource server's"
                    + " issuer-uri; a test class can use only one of them");
        }
    }

    /**
     * The class carrying the annotation (on itself, a superclass, or as a meta-annotation), else the nearest
     * enclosing class of a {@code @Nested} (inner) class that carries it; {@code null} if none does.
     */
    private static Class<?> owner(Class<?> testClass, Class<? extends Annotation> annotation) {
        for (Class<?> candidate = testClass; candidate != null; candidate = enclosingOfInner(candidate)) {
            if (MergedAnnotations.from(candidate, SearchStrategy.TYPE_HIERARCHY).isPresent(annotation)) {
                return candidate;
            }
        }
        return null;
    }

    private static Class<?> enclosingOfInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? type.getEnclosingClass() : null;
    }
}
