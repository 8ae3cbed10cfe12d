package dev.opsledger.platform.web;

import dev.opsledger.platform.core.web.QueryStrings;
import dev.opsledger.platform.error.FieldError;
import dev.opsledger.platform.error.ProblemDetails;
import dev.opsledger.platform.error.ProblemDetailsWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before security and the controllers, what no endpoint can read:
 * <ul>
 *   <li>a query parameter (name or value, after decoding: {@code %00}) holding a control
 *       character: 400, as a body gets from {@link SafeRequestBodyAdvice};</li>
 *   <li>a {@code Content-Type} that is not one concrete media type ({@code *}{@code /*},
 *       {@code text/*}, garbage), or names a charset other than UTF-8: 415. Spring MVC would throw
 *       on the first while reading the body, and misread the second;</li>
 *   <li>a query parameter without a name ({@code ?=x}), which Tomcat would drop silently: 400.</li>
 * </ul>
 */
public class RequestInputFilter extends OncePerRequestFilter {

    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";

    private final ProblemDetailsWriter writer;

    public RequestInputFilter(ProblemDetailsWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isConcreteMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            writer.write(ProblemDetails.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be one concrete media type, application/json for request bodies.", request),
                    response);
            return;
        }
        if (QueryStrings.hasParameterWithoutName(request.getQueryString())) {
            writer.write(ProblemDetails.validation(
                    List.of(new FieldError("query", "has a parameter without a name")), request), response);
            return;
        }
        String unsafe = unsafeParameter(request.getParameterMap());
        if (unsafe != null) {
            writer.write(ProblemDetails.validation(
                    List.of(new FieldError(unsafe, InputSafety.CONTROL_CHARACTER)), request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** One concrete type, in UTF-8 if it names a charset: the bodies we read are UTF-8 JSON. */
    private static boolean isConcreteMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException unreadable) {
            return false;
        }
    }

    private static String unsafeParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (InputSafety.hasControlCharacter(parameter.getKey())) {
                return "query";
            }
            for (String value : parameter.getValue()) {
                if (value != null && InputSafety.hasControlCharacter(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }
}
