package dev.opsledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API conventions every service gets from the kit, sent over a real socket to a real Tomcat
 * so that nothing in between (MockMvc) hides what the container answers: bad input of every kind
 * is a 4xx problem detail with a {@code code}, never a 5xx, an HTML page or Spring's default JSON;
 * lists page with {@code limit} and an opaque {@code cursor}.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opsledger.kafka.enabled=false", "spring.main.web-application-type=servlet",
                "opsledger.observability.structured-logs=false"})
@ActiveProfiles("platform-sample")
@DirtiesContext
@WithPostgres
@WithLocalJwtIssuer
class ApiConventionsIT {

    @LocalServerPort
    int port;

    private final String bearer = LocalJwtIssuer.shared().bearer("dev1", Set.of("developer"));

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "nonsense", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=utf-16", "application/json; charset=no-such-charset"})
    void givenABodyWithAContentTypeThatIsNotJson_whenPosted_thenA4xxProblem(String contentType) throws IOException {
        Answer answer = send("POST", "/widgets", contentType, "{\"name\":\"a\"}");

        answer.assertProblem();
    }

    /**
     * A JSON value of the wrong type is refused, not coerced: {@code true} is no name, {@code "12"}
     * no number. Found by the e2e bad-input test, where a boolean became a backup target's
     * database name and was stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":true}", "{\"name\":42}", "{\"name\":1.5}", "{\"name\":\"a\",\"tags\":[true]}",
            "{\"name\":\"a\",\"tags\":[7]}", "{\"name\":\"a\",\"tags\":\"x\"}", "{\"name\":[\"a\"]}"})
    void givenAValueOfTheWrongJsonType_whenPosted_then400Problem(String body) throws IOException {
        Answer answer = send("POST", "/widgets", "application/json", body);

        answer.assertProblem();
        assertThat(answer.status).as("%s", body).isEqualTo(400);
    }

    @Test
    void givenANulCharacterInABodyString_whenPosted_then400NamingTheField() throws IOException {
        Answer answer = send("POST", "/widgets", "application/json", "{\"name\":\"a\\u0000b\",\"tags\":[\"x\"]}");

        answer.assertProblem();
        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    @Test
    void givenANulCharacterInANestedList_whenPosted_then400NamingTheElement() throws IOException {
        Answer answer = send("POST", "/widgets", "application/json", "{\"name\":\"a\",\"tags\":[\"x\",\"\\u0000\"]}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("tags[1]");
    }

    @Test
    void givenAnEncodedNulInAQueryParameter_whenListed_then400NamingTheParameter() throws IOException {
        Answer answer = send("GET", "/widgets?name=a%00b", null, null);

        answer.assertProblem();
        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT2562047788015215H", "P106751991167300D", "-PT1S", "P36501D"})
    void givenADurationThatWouldOverflowTheClockOrIsNegative_whenPosted_then400OnTheField(String ttl)
            throws IOException {
        Answer answer = send("POST", "/widgets", "application/json", "{\"name\":\"a\",\"ttl\":\"" + ttl + "\"}");

        answer.assertProblem();
        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("ttl");
    }

    @Test
    void givenAGoodBody_whenPosted_then201WithAnAbsoluteServicePathInLocation() throws IOException {
        Answer answer = send("POST", "/widgets", "application/json", "{\"name\":\"a\",\"ttl\":\"PT1H\"}");

        assertThat(answer.status).isEqualTo(201);
        assertThat(answer.header("location")).startsWith("/widgets/a@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widgets/a%2Fb", "/widgets/%", "/widgets/a%zz", "/widgets/a;b=c", "/widgets/a%00b",
            "/widgets/%C0%AF", "/no-such-thing", "/widgets/a/b/c"})
    void givenAMalformedOrUnknownPath_whenRequested_thenA4xxProblemWithACode(String path) throws IOException {
        Answer answer = send("GET", path, null, null);

        answer.assertProblem();
    }

    @Test
    void givenAVeryLongUri_whenRequested_thenA4xxProblemWithACode() throws IOException {
        Answer answer = send("GET", "/widgets?name=" + "a".repeat(20_000), null, null);

        answer.assertProblem();
    }

    @Test
    void givenAMalformedRequestLine_whenSent_thenA4xxProblemWithACode() throws IOException {
        Answer answer = raw("GET /widgets HTTP/1.1 extra\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        answer.assertProblem();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "eA", "MS8y"})
    void givenACursorThisEndpointDidNotIssue_whenListed_then400OnCursor(String cursor) throws IOException {
        Answer answer = send("GET", "/widgets?cursor=" + cursor, null, null);

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("cursor");
    }

    @Test
    void givenALimit_whenFollowingNextCursor_thenEveryRowOnceAndALastPageWithoutCursor() throws IOException {
        Answer first = send("GET", "/widgets?limit=4", null, null);
        assertThat(first.status).isEqualTo(200);
        assertThat(first.json().get("entries")).hasSize(4);
        String next = first.json().get("nextCursor").asString();

        Answer second = send("GET", "/widgets?limit=4&cursor=" + next, null, null);

        assertThat(second.json().get("entries").toString()).isEqualTo("[\"w4\",\"w5\",\"w6\"]");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widgets?=&&==", "/widgets?limit=2&=x", "/widgets?name=%E2%80%AEevil", "/widgets?name=%C2%85"})
    void givenAQueryWithANamelessOrUnsafeParameter_whenListed_then400(String target) throws IOException {
        Answer answer = send("GET", target, null, null);

        answer.assertProblem();
        assertThat(answer.status).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "99999999999999999999", "x"})
    void givenALimitOutOfRange_whenListed_then400OnLimit(String limit) throws IOException {
        Answer answer = send("GET", "/widgets?limit=" + limit, null, null);

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("limit");
    }

    private Answer send(String method, String target, String contentType, String body) throws IOException {
        StringBuilder request = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n")
                .append("Authorization: ").append(bearer).append("\r\n");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        return rawBytes(request.toString().getBytes(StandardCharsets.UTF_8), bytes);
    }

    private Answer raw(String request) throws IOException {
        return rawBytes(request.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /** A socket, not an HTTP client: clients refuse to send the malformed requests under test. */
    private Answer rawBytes(byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return Answer.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String headers, String body) {

        static Answer parse(String response) {
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        String header(String name) {
            return headers.lines()
                    .filter(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(null);
        }

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        void assertProblem() {
            assertThat(status).as("status of %s", this).isBetween(400, 499);
            assertThat(header("content-type")).as("content type of %s", this).startsWith("application/problem+json");
            assertThat(json().path("code").asString()).as("code of %s", this).isNotBlank();
            assertThat(json().path("status").asInt()).as("status member of %s", this).isEqualTo(status);
        }
    }
}
