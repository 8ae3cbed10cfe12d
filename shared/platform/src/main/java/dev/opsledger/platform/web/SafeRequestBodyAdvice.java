package dev.opsledger.platform.web;

import dev.opsledger.platform.error.InvalidInputException;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies {@link InputSafety} to every {@code @RequestBody} of every service, before the
 * controller sees it: a rejected body sends no command, so it stores nothing.
 */
@ControllerAdvice
public class SafeRequestBodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter methodParameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        InputSafety.firstViolation(body).ifPresent(error -> {
            throw new InvalidInputException(error.field(), error.reason());
        });
        return body;
    }
}
