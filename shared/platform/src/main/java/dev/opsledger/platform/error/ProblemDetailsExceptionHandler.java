package dev.opsledger.platform.error;

import dev.opsledger.platform.core.paging.Cursor.InvalidCursorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error a service answers, as an RFC 9457 problem detail with a stable {@code code}, the
 * request path as {@code instance} and the {@code requestId}. Never a stack trace: unexpected
 * failures are logged with theirs and answered with a generic text.
 *
 * <p>The mapping, in one table ({@link #problemFor}):
 * <pre>
 * BusinessRuleViolation                 its kind's status (409, 422, 403, 404), its own code
 * NotFoundException                     404, its own code
 * AggregateNotFoundException            404 not-found
 * InvalidInputException, bean validation,
 *   an invalid cursor, unreadable JSON  400 validation.failed, with errors[field, reason]
 * a value out of range (overflowing
 *   arithmetic or date, SQLSTATE 22…)   400 input.out-of-range
 * concurrent writes to one aggregate    409 concurrent-modification
 * the database unreachable (connection
 *   refused or lost, pool timed out,
 *   a commit or rollback cut off)       503 service-unavailable, Retry-After
 * anything else                         500 internal-error (logged)
 * </pre>
 * Spring MVC's own exceptions (405, 406, 415, …) keep the statuses
 * {@link ResponseEntityExceptionHandler} gives them, with {@link ProblemDetails#codeFor} codes.
 * What fails before MVC (the container's 400 for a malformed request, a filter's failure) is
 * answered by {@link ProblemErrorController} and {@link ProblemErrorReportValve} in the same shape.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    public static final String VALIDATION_FAILED = ProblemDetails.VALIDATION_FAILED;
    public static final String OUT_OF_RANGE = "input.out-of-range";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String NOT_FOUND = "not-found";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    /** Seconds a client should wait before retrying while the database is away. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** PostgreSQL's class 22, "data exception": a value the column can't hold (NUL, overflow, too long). */
    private static final String SQLSTATE_DATA_EXCEPTION = "22";
    /** Class 08, connection exception, and 57P, the server shutting down or restarting. */
    private static final List<String> SQLSTATE_UNAVAILABLE = List.of("08", "57P");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    /** Members a {@link BusinessRuleViolation}'s details may not overwrite. */
    private static final Set<String> RESERVED = Set.of(
            "type", "title", "status", "detail", "instance", ProblemDetails.CODE, ProblemDetails.REQUEST_ID);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handle(Exception exception, HttpServletRequest request) {
        ProblemDetail problem = problemFor(unwrap(exception), request);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return answer(problem);
    }

    /**
     * Security exceptions thrown by {@code @PreAuthorize} inside a controller reach MVC's
     * resolvers first. Rethrowing the same instance tells MVC "not resolved", so Spring
     * Security's exception translation answers (401 for anonymous, else 403), as it would for
     * a URL rule.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException exception) {
        throw exception;
    }

    ProblemDetail problemFor(Throwable exception, HttpServletRequest request) {
        return switch (exception) {
            case BusinessRuleViolation violation -> businessRule(violation, request);
            case NotFoundException notFound ->
                    ProblemDetails.of(HttpStatus.NOT_FOUND, notFound.code(), notFound.getMessage(), request);
            case AggregateNotFoundException notFound -> ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND,
                    "No aggregate with id " + notFound.getAggregateIdentifier() + " exists.", request);
            case InvalidInputException invalid -> invalid(invalid.field(), invalid.reason(), request);
            case InvalidCursorException invalid -> invalid(InvalidCursorException.FIELD, invalid.getMessage(), request);
            case ConstraintViolationException cve ->
                    ProblemDetails.validation(FieldErrors.of(cve.getConstraintViolations()), request);
            case JSR303ViolationException jsr -> ProblemDetails.validation(FieldErrors.of(jsr.getViolations()), request);
            case ArithmeticException ignored -> outOfRange(request);
            case DateTimeException ignored -> outOfRange(request);
            case ConcurrencyException ignored -> concurrentModification(request);
            case ConflictingModificationException ignored -> concurrentModification(request);
            case AggregateStreamCreationException ignored -> concurrentModification(request);
            case DuplicateKeyException ignored -> concurrentModification(request);
            default -> isDatabaseUnavailable(exception) ? unavailable(request)
                    : isDataException(exception) ? outOfRange(request) : unexpected(exception, request);
        };
    }

    /**
     * Axon hands a handler's exception back as is on a local bus, but wraps it in a
     * {@link CommandExecutionException} when it crossed a distributed bus, a checked exception
     * was thrown, or the caller used {@code send(…).join()}. The original, when we can still
     * see it, is the details object or the cause.
     */
    static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        for (int depth = 0; depth < 10; depth++) {
            Throwable inner = switch (current) {
                case CommandExecutionException cee ->
                        cee.getDetails().filter(Throwable.class::isInstance).map(Throwable.class::cast)
                                .orElse(cee.getCause());
                case CompletionException ce -> ce.getCause();
                case ExecutionException ee -> ee.getCause();
                default -> null;
            };
            if (inner == null || inner == current) {
                return current;
            }
            current = inner;
        }
        return current;
    }

    /**
     * The database went away (stopped, restarting, unreachable, or the pool gave up waiting): the
     * command stored nothing and may be sent again, so the client gets a 503 to retry, not a 500.
     * A transaction that could not be committed or rolled back counts too: when PostgreSQL stops
     * between a command's writes and its commit, Spring reports the failed rollback on the
     * closed connection, not the commit's cause.
     */
    static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && SQLSTATE_UNAVAILABLE.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDataException(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(SQLSTATE_DATA_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    private ProblemDetail businessRule(BusinessRuleViolation violation, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetails.of(
                HttpStatusCode.valueOf(violation.kind().status()), violation.code(), violation.getMessage(), request);
        violation.details().forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                problem.setProperty(key, value);
            }
        });
        log.debug("Business rule {} violated: {}", violation.code(), violation.getMessage());
        return problem;
    }

    private static ProblemDetail invalid(String field, String reason, HttpServletRequest request) {
        return ProblemDetails.validation(List.of(new FieldError(field, reason)), request);
    }

    private static ProblemDetail outOfRange(HttpServletRequest request) {
        return ProblemDetails.of(HttpStatus.BAD_REQUEST, OUT_OF_RANGE,
                "A value of the request is out of the range this service can store or compute with.", request);
    }

    private static ProblemDetail unavailable(HttpServletRequest request) {
        log.warn("Database unavailable while answering {} {}", request.getMethod(), request.getRequestURI());
        return ProblemDetails.of(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE,
                "The service's database can't be reached right now; nothing was changed. Try again shortly.", request);
    }

    private static ProblemDetail concurrentModification(HttpServletRequest request) {
        return ProblemDetails.of(HttpStatus.CONFLICT, CONCURRENT_MODIFICATION,
                "The resource was changed by someone else at the same time. Reload it and try again.", request);
    }

    private static ProblemDetail unexpected(Throwable exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR,
                "An unexpected error occurred. Quote the request id when reporting it.", request);
        log.error("Unexpected error answering {} {} (requestId={})", request.getMethod(), request.getRequestURI(),
                problem.getProperties() == null ? null : problem.getProperties().get(ProblemDetails.REQUEST_ID),
                exception);
        return problem;
    }

    // ---- Spring MVC's input errors: the same 400 validation.failed ------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ProblemDetails.validation(FieldErrors.of(ex.getBindingResult(), null), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(ProblemDetails.validation(FieldErrors.of(ex.getParameterValidationResults()),
                servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException located = locatedJacksonError(ex);
        if (located != null) {
            return answer(invalid(FieldErrors.jsonPath(located), "has the wrong type or format", servletRequest(request)));
        }
        return answer(invalid("body", "is not readable JSON", servletRequest(request)));
    }

    /**
     * The innermost Jackson error that knows where in the body it happened. Not simply the most specific
     * cause: a value whose type parses it itself (a {@code Duration}, an {@code Instant}) fails below Jackson
     * with a {@code DateTimeParseException}, and only the Jackson error wrapping it has the field's path.
     */
    private static JacksonException locatedJacksonError(Throwable failure) {
        JacksonException located = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                located = jackson;
            }
        }
        return located;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return answer(invalid(field, "must be a valid " + expected, servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(invalid(ex.getParameterName(), "is required", servletRequest(request)));
    }

    /** Completes the bodies of the problems {@link ResponseEntityExceptionHandler} builds itself. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemDetails.withRequestContext(problem, servletRequest(request));
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemDetails.CODE)) {
                problem.setProperty(ProblemDetails.CODE, ProblemDetails.codeFor(status));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }
}
