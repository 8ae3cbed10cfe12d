package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.AuditEntry;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.opsledger.contracts.audit.AuditQuery;
import dev.opsledger.gateway.audit.AuditAnswer.Missing;
import dev.opsledger.gateway.audit.MergedAuditPosition.Position;

/**
 * Merges the services' audit streams into one, ordered by time, then service, then global index.
 *
 * <p>Each service is read as a queue from its position in the combined cursor. A page takes the
 * smallest head among the services until it is full, so every entry is handed out exactly once
 * across pages. When a page uses only part of a service's answer, the position must land right
 * after the last entry used; service cursors are opaque, so the merger asks that service again
 * for exactly the entries used and keeps the cursor it returns. Should that call fail, the
 * position becomes "old cursor + skip N", still exact, just costlier on the next page.
 *
 * <p>A service that can't be read is listed in {@code missing} and its position stays put, so
 * the next page (or a retry) picks its entries up: late, but never silently lost.
 */
public final class AuditMerger {

    static final Comparator<AuditEntry> ORDER = Comparator
            .comparing(AuditEntry::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(AuditEntry::service, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparingLong(AuditEntry::globalIndex);

    private final Duration timeout;

    public AuditMerger(Duration timeout) {
        this.timeout = timeout;
    }

    public Mono<Result> page(List<AuditSource> sources, AuditQuery query, MergedAuditPosition cursor, int limit) {
        return Flux.fromIterable(sources)
                .flatMapSequential(source -> read(source, query, cursor.position(source.service()), limit))
                .collectList()
                .flatMap(reads -> merge(reads, query, limit));
    }

    /** The merged page and the combined cursor state after it. */
    public record Result(List<AuditEntry> entries, MergedAuditPosition next, boolean exhausted, List<Missing> missing) {
    }

    private sealed interface Read permits Fetched, Skipped, Failed {
        AuditSource source();

        Position position();
    }

    private record Fetched(AuditSource source, Position position, List<AuditEntry> entries, String nextCursor)
            implements Read {
    }

    /** Exhausted on an earlier page: not asked again. */
    private record Skipped(AuditSource source, Position position) implements Read {
    }

    private record Failed(AuditSource source, Position position, String reason) implements Read {
    }

    private Mono<Read> read(AuditSource source, AuditQuery query, Position position, int limit) {
        if (position.done()) {
            return Mono.just(new Skipped(source, position));
        }
        return source.fetch(query, position.cursor(), position.skip() + limit)
                .timeout(timeout)
                .<Read>map(page -> new Fetched(source, position,
                        page.entries().stream()
                                .skip(position.skip())
                                .map(entry -> entry.withService(source.service()))
                                .toList(),
                        page.nextCursor()))
                .onErrorResume(error -> Mono.just(new Failed(source, position, describe(error))));
    }

    private Mono<Result> merge(List<Read> reads, AuditQuery query, int limit) {
        List<Fetched> fetched = reads.stream()
                .filter(Fetched.class::isInstance).map(Fetched.class::cast).toList();
        int[] used = new int[fetched.size()];
        List<AuditEntry> page = new ArrayList<>(limit);
        while (page.size() < limit) {
            int best = -1;
            for (int i = 0; i < fetched.size(); i++) {
                List<AuditEntry> entries = fetched.get(i).entries();
                if (used[i] < entries.size() && (best < 0
                        || ORDER.compare(entries.get(used[i]), fetched.get(best).entries().get(used[best])) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            page.add(fetched.get(best).entries().get(used[best]++));
        }

        Map<String, Integer> usedByService = new HashMap<>();
        for (int i = 0; i < fetched.size(); i++) {
            usedByService.put(fetched.get(i).source().service(), used[i]);
        }
        return Flux.fromIterable(reads)
                .flatMapSequential(read -> advance(read, query, usedByService.getOrDefault(read.source().service(), 0))
                        .map(position -> Map.entry(read.source().service(), position)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(positions -> {
                    List<Missing> missing = reads.stream()
                            .filter(Failed.class::isInstance).map(Failed.class::cast)
                            .map(failed -> new Missing(failed.source().service(), failed.reason()))
                            .toList();
                    boolean exhausted = missing.isEmpty() && positions.values().stream().allMatch(Position::done);
                    return new Result(List.copyOf(page), new MergedAuditPosition(1, positions), exhausted, missing);
                });
    }

    private Mono<Position> advance(Read read, AuditQuery query, int used) {
        return switch (read) {
            case Skipped skipped -> Mono.just(skipped.position());
            case Failed failed -> Mono.just(failed.position());
            case Fetched fetched -> {
                Position from = fetched.position();
                if (used == fetched.entries().size()) {
                    yield Mono.just(fetched.nextCursor() == null
                            ? new Position(from.cursor(), 0, true)
                            : new Position(fetched.nextCursor(), 0, false));
                }
                if (used == 0) {
                    yield Mono.just(from);
                }
                Position fallback = new Position(from.cursor(), from.skip() + used, false);
                yield fetched.source().fetch(query, from.cursor(), from.skip() + used)
                        .timeout(timeout)
                        .map(page -> page.nextCursor() == null ? fallback : new Position(page.nextCursor(), 0, false))
                        .onErrorReturn(fallback)
                        .defaultIfEmpty(fallback);
            }
        };
    }

    public static String describe(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return "answered HTTP " + response.getStatusCode().value();
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return "no answer in time";
            }
            if (t instanceof ConnectException) {
                return "unreachable";
            }
        }
        return "unreadable answer: " + error.getClass().getSimpleName();
    }
}
