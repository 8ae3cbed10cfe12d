package dev.opsledger.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load: {@code clients} threads, each sending its next request as soon as the last
 * answered, for a fixed time. Throughput and latency come from the same requests. The same class
 * drives the figure and its baseline, so the client's own cost is the same on both sides.
 */
final class HttpLoad {

    record Result(long ok, long failed, Duration elapsed, Latencies latencies, String firstFailure) {

        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static HttpRequest.Builder request(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code requestOf} gets the client's index, so each client can target its own aggregate. */
    Result run(int clients, Duration duration, IntFunction<HttpRequest> requestOf) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies();
        String[] firstFailure = new String[1];
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < end) {
                    HttpRequest request = requestOf.apply(client);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() / 100 == 2) {
                            ok.incrementAndGet();
                            mine.add(took);
                        } else {
                            failed.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = response.statusCode() + " " + abbreviate(response.body());
                                }
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = e.toString();
                            }
                        }
                    }
                }
                latencies.addAll(mine);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start), latencies, firstFailure[0]);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
