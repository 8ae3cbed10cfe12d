package dev.opsledger.platform.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers (a malformed request line, an encoded {@code /} or NUL in the path,
 * a lone {@code %}, a URI or header too large) are written by the host's error report valve
 * before any servlet runs, as an HTML page. This valve writes the problem detail every other
 * OpsLedger answer has instead, with the status's code ({@code bad-request}, …) and nothing of
 * the request echoed back: the request may not even have a usable path.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", HttpStatus.resolve(status) instanceof HttpStatus known ? known.getReasonPhrase() : "Error");
        problem.put("status", status);
        problem.put("detail", "The request could not be read as HTTP this service serves.");
        problem.put(ProblemDetails.CODE, ProblemDetails.codeFor(code));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone or the response already committed: nothing left to tell.
        }
    }
}
