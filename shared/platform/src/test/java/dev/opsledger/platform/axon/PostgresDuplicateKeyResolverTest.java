package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void givenWrappedUniqueViolation_whenResolved_thenDuplicateKey() {
        Exception wrapped = new RuntimeException(new SQLException("duplicate key", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void givenOtherSqlError_whenResolved_thenNotDuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("deadlock", "40P01"))).isFalse();
    }
}
