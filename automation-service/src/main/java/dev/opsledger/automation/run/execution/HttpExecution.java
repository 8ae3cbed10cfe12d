package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.automation.task.api.HttpExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an http task: one call to an allow-listed {@code host:port}. Every address the host
 * resolves to is checked: link-local and cloud metadata addresses are refused unless that very
 * address is on the allow-list. Redirects are followed only to the same scheme, host and port;
 * any other is refused. The body template gets each parameter as a JSON string, never as text.
 */
class HttpExecution implements Execution {

    static final int MAX_REDIRECTS = 5;
    static final int EXCERPT_CHARACTERS = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]{0,62})}}");
    private static final Set<String> METADATA = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254",
            "100.100.100.200");

    private final ExecutorAllowList allowList;
    private final Duration watchInterval;

    HttpExecution(ExecutorAllowList allowList, Duration watchInterval) {
        this.allowList = allowList;
        this.watchInterval = watchInterval;
    }

    @Override
    public Result execute(String runId, RunInputs inputs, Map<String, String> secrets, RunLogSink log,
                          BooleanSupplier stillWanted) {
        HttpExecutor http = (HttpExecutor) inputs.executor();
        Map<String, String> values = new java.util.HashMap<>(inputs.parameters());
        values.putAll(secrets);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(min(inputs.timeout(), Duration.ofSeconds(30))).build();
        long deadline = System.nanoTime() + inputs.timeout().toNanos();
        URI target = http.uri();
        String method = http.method();
        String body = http.bodyTemplate() == null ? null : render(http.bodyTemplate(), values, HttpExecution::json);
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                refuseUnlessAllowed(target);
                log.line(method + " " + target);
                HttpRequest.Builder request = HttpRequest.newBuilder(target)
                        .timeout(remaining(deadline))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                http.headers().forEach((name, template) -> request.header(name, render(template, values, HttpExecution::headerValue)));
                HttpResponse<String> response = await(client.sendAsync(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), deadline, stillWanted);
                if (response == null) {
                    return Result.cancelled();
                }
                int status = response.statusCode();
                String location = response.headers().firstValue("Location").orElse(null);
                if (status >= 300 && status < 400 && location != null) {
                    URI next = target.resolve(location);
                    if (!sameOrigin(target, next)) {
                        log.line("redirect to " + next + " refused: only the same host and port are followed");
                        return new Result(RunOutcome.FAILED, status, "redirect to another host refused");
                    }
                    log.line(status + " → " + next);
                    if (status == 303) {
                        method = "GET";
                        body = null;
                    }
                    target = next;
                    continue;
                }
                log.line("HTTP " + status);
                String excerpt = response.body() == null ? "" : response.body();
                if (excerpt.length() > EXCERPT_CHARACTERS) {
                    excerpt = excerpt.substring(0, EXCERPT_CHARACTERS) + "…";
                }
                excerpt.lines().forEach(log::line);
                boolean success = http.isSuccess(status);
                return new Result(success ? RunOutcome.SUCCEEDED : RunOutcome.FAILED, status, "HTTP " + status);
            }
            return new Result(RunOutcome.FAILED, null, "more than " + MAX_REDIRECTS + " redirects");
        } catch (Refused refused) {
            log.line(refused.getMessage());
            return new Result(RunOutcome.FAILED, null, refused.getMessage());
        } catch (TimeoutException | HttpTimeoutException timedOut) {
            log.line("[no answer within the timeout of " + inputs.timeout() + "]");
            return new Result(RunOutcome.TIMED_OUT, null, "timed out after " + inputs.timeout());
        } catch (IOException | IllegalArgumentException failed) {
            log.line("call failed: " + failed.getMessage());
            return new Result(RunOutcome.FAILED, null, "call failed: " + failed.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new Result(null, null, "interrupted");
        }
    }

    private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> call, long deadline,
                                       BooleanSupplier stillWanted)
            throws InterruptedException, IOException, TimeoutException {
        while (true) {
            try {
                return call.get(watchInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (System.nanoTime() - deadline >= 0) {
                    call.cancel(true);
                    throw notYet;
                }
                if (!stillWanted.getAsBoolean()) {
                    call.cancel(true);
                    return null;
                }
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(failed.getCause());
            }
        }
    }

    private void refuseUnlessAllowed(URI target) {
        String host = HttpExecutor.host(target);
        int port = HttpExecutor.port(target);
        if (!allowList.allowsHost(host, port)) {
            throw new Refused(host + ":" + port + " is not on the allow-list of hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            throw new Refused(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String literal = address.getHostAddress();
            boolean risky = address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || address.isMulticastAddress() || METADATA.contains(literal);
            if (risky && !allowList.allowsHost(literal, port)) {
                throw new Refused(host + " resolves to " + literal
                        + ", a link-local or metadata address that is not allow-listed itself");
            }
        }
    }

    private static boolean sameOrigin(URI from, URI to) {
        return to.getScheme() != null && to.getHost() != null
                && from.getScheme().equalsIgnoreCase(to.getScheme())
                && HttpExecutor.host(from).equals(HttpExecutor.host(to))
                && HttpExecutor.port(from) == HttpExecutor.port(to);
    }

    /** Each placeholder becomes {@code encode(value)}; unknown names stay as written. */
    static String render(String template, Map<String, String> values, java.util.function.UnaryOperator<String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : encode.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A value in a header as it is, unless it could end the header and start another. */
    static String headerValue(String value) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new Refused("a header value may not contain line breaks");
        }
        return value;
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(nanos, Duration.ofMillis(1).toNanos()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** A call the allow-list or the address rules refuse. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
