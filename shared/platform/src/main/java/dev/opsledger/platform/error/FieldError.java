package dev.opsledger.platform.error;

/**
 * One entry of a validation problem's {@code errors} member: which input and why. {@code field}
 * is a path into the request ({@code environments[1].name}, a query parameter's name), or the
 * object's name for errors that concern several fields at once.
 */
public record FieldError(String field, String reason) {
}
