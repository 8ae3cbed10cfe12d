package dev.opsledger.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards what failed outside MVC's handlers (a
 * filter that threw, a {@code sendError} before any controller): the same problem shape as
 * everything else, instead of Spring Boot's default JSON ({@code timestamp}, {@code error}, …).
 * Its presence replaces Boot's {@code BasicErrorController}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemDetailsExceptionHandler handler;

    public ProblemErrorController(ProblemDetailsExceptionHandler handler) {
        this.handler = handler;
    }

    @RequestMapping(path = "${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemDetail problem = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? handler.problemFor(ProblemDetailsExceptionHandler.unwrap(failure), request)
                : byStatus(request);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail byStatus(HttpServletRequest request) {
        HttpStatusCode status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && code >= 400 ? HttpStatusCode.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = HttpStatus.resolve(status.value()) instanceof HttpStatus known
                ? known.getReasonPhrase() : "Request failed";
        return ProblemDetails.of(status, ProblemDetails.codeFor(status), detail, request);
    }
}
