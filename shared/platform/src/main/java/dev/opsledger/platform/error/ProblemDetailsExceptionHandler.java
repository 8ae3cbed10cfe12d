package dev.opsledger.platform.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
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
 * <p>Ordered last so a service's own {@code @RestControllerAdvice} can map an exception more
 * specifically (e.g. a {@code DuplicateKeyException} on its unique-name lookup table as
 * {@code release.version-taken}).
 *
 * <p>Spring MVC's own exceptions (405, 406, 415, missing handler, …) keep the statuses
 * {@link ResponseEntityExceptionHandler} gives them; only their body is completed here.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    public static final String VALIDATION_FAILED = "validation.failed";
    public static final String CONCURRENT_MODIFICATION = "concurrent-modification";
    public static final String NOT_FOUND = "not-found";
    public static final String INTERNAL_ERROR = "internal-error";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    /** Members a {@link BusinessRuleViolation}'s details may not overwrite. */
    private static final Set<String> RESERVED = Set.of(
            "type", "title", "status", "detail", "instance", ProblemDetails.CODE, ProblemDetails.REQUEST_ID);

    // ---- domain and Axon ------------------------------------------------------------------

    @ExceptionHandler({
            BusinessRuleViolation.class,
            NotFoundException.class,
            InvalidInputException.class,
            AggregateNotFoundException.class,
            ConcurrencyException.class,
            ConflictingModificationException.class,
            AggregateStreamCreationException.class,
            DuplicateKeyException.class,
            ConstraintViolationException.class,
            JSR303ViolationException.class,
            CommandExecutionException.class,
            CompletionException.class,
            ExecutionException.class,
    })
    ResponseEntity<ProblemDetail> handleKnown(Exception exception, HttpServletRequest request) {
        return answer(problemFor(unwrap(exception), request));
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception, HttpServletRequest request) {
        return answer(problemFor(unwrap(exception), request));
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

    private ProblemDetail problemFor(Throwable exception, HttpServletRequest request) {
        return switch (exception) {
            case BusinessRuleViolation violation -> businessRule(violation, request);
            case NotFoundException notFound ->
                    ProblemDetails.of(HttpStatus.NOT_FOUND, notFound.code(), notFound.getMessage(), request);
            case AggregateNotFoundException notFound -> ProblemDetails.of(HttpStatus.NOT_FOUND, NOT_FOUND,
                    "No aggregate with id " + notFound.getAggregateIdentifier() + " exists.", request);
            case ConcurrencyException ignored -> concurrentModification(request);
            case ConflictingModificationException ignored -> concurrentModification(request);
            case AggregateStreamCreationException ignored -> concurrentModification(request);
            case DuplicateKeyException ignored -> concurrentModification(request);
            case ConstraintViolationException cve -> validation(violations(cve.getConstraintViolations()), request);
            case JSR303ViolationException jsr -> validation(violations(jsr.getViolations()), request);
            case InvalidInputException invalid ->
                    validation(List.of(new FieldError(invalid.field(), invalid.reason())), request);
            default -> unexpected(exception, request);
        };
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

    private ProblemDetail concurrentModification(HttpServletRequest request) {
        return ProblemDetails.of(HttpStatus.CONFLICT, CONCURRENT_MODIFICATION,
                "The resource was changed by someone else at the same time. Reload it and try again.", request);
    }

    private ProblemDetail unexpected(Throwable exception, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR,
                "An unexpected error occurred. Quote the request id when reporting it.", request);
        log.error("Unexpected error answering {} {} (requestId={})", request.getMethod(), request.getRequestURI(),
                problem.getProperties() == null ? null : problem.getProperties().get(ProblemDetails.REQUEST_ID),
                exception);
        return problem;
    }

    // ---- Spring MVC's input errors ---------------------------------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(bindingErrors(ex.getBindingResult(), null), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(bindingErrors(parameterErrors, parameter));
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(new FieldError(parameter, error.getDefaultMessage())));
            }
        }
        return asObject(validation(errors, servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String reason = "is not readable JSON";
        if (ex.getMostSpecificCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            field = jsonPath(jackson.getPath());
            reason = "has the wrong type or format";
        }
        return asObject(validation(List.of(new FieldError(field, reason)), servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return asObject(validation(List.of(new FieldError(field, "must be a valid " + expected)),
                servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(List.of(new FieldError(ex.getParameterName(), "is required")),
                servletRequest(request)));
    }

    /** Completes the bodies of the problems {@link ResponseEntityExceptionHandler} builds itself. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            ProblemDetails.withRequestContext(problem, servletRequest(request));
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemDetails.CODE)) {
                problem.setProperty(ProblemDetails.CODE, codeForStatus(status));
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String codeForStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private ProblemDetail validation(List<FieldError> errors, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetails.of(HttpStatus.BAD_REQUEST, VALIDATION_FAILED,
                "The request has invalid input; see errors.", request);
        problem.setProperty(ProblemDetails.ERRORS, errors);
        return problem;
    }

    private static List<FieldError> bindingErrors(org.springframework.validation.Errors result, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error ->
                errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error ->
                errors.add(new FieldError(prefix != null ? prefix : error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    private static List<FieldError> violations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    /** {@code register.command.name} → {@code command.name}: the method name means nothing to a client. */
    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "value" : field.toString();
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
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
