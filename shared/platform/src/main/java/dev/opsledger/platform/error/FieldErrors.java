package dev.opsledger.platform.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

import tools.jackson.core.JacksonException;

/**
 * Names each input error by the field as the client wrote it: the JSON path of a body member,
 * the query parameter, or {@code body} for what can't be pinned down. Used by
 * {@link ProblemDetailsExceptionHandler} for every kind of validation failure.
 */
final class FieldErrors {

    private FieldErrors() {
    }

    static List<FieldError> of(Errors result, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error ->
                errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error ->
                errors.add(new FieldError(prefix != null ? prefix : error.getObjectName(), error.getDefaultMessage())));
        return errors;
    }

    static List<FieldError> of(List<ParameterValidationResult> results) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : results) {
            String parameter = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(of(parameterErrors, parameter));
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(new FieldError(parameter, error.getDefaultMessage())));
            }
        }
        return errors;
    }

    static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
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

    /** The member of an unreadable body, e.g. {@code environments[1].approvals}; {@code body} if unknown. */
    static String jsonPath(JacksonException jackson) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
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
}
