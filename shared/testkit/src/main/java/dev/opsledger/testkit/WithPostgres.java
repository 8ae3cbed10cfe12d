package dev.opsledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class its own empty database on the JVM's shared PostgreSQL. Test and lifecycle methods
 * may take a {@link PostgresDatabase} (this class's database) or a {@link PostgresServer} parameter; a
 * {@code @SpringBootTest} class gets {@code spring.datasource.url/username/password} pointing at the same database.
 * {@code @Nested} classes share the database of the enclosing class; subclasses get their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface WithPostgres {
}
