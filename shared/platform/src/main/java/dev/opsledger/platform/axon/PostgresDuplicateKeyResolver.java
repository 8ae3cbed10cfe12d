package dev.opsledger.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an insert failed on a unique constraint, so that two writers appending the
 * same sequence number to one aggregate get a {@code ConcurrencyException} (retryable) instead of
 * a generic storage error. Axon's {@code JdbcSQLErrorCodesResolver} only recognises
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it
 * reports SQL state {@code 23505} on a plain {@code PSQLException}.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
