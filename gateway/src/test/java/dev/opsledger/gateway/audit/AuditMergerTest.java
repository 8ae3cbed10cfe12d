package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.AuditEntry;
import dev.opsledger.contracts.audit.AuditPage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.contracts.audit.AuditQuery;

class AuditMergerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditMerger merger = new AuditMerger(Duration.ofSeconds(2));

    @Test
    void givenTwoServicesInterleavedInTime_whenPagedThrough_thenEveryEntryOnceInTimeOrder() {
        var release = new ListSource("release", entries("release", 0, 3, 4, 9, 10, 11, 15));
        var access = new ListSource("access", entries("access", 1, 2, 5, 6, 7, 8, 12, 13, 14));

        List<AuditEntry> all = pageThrough(List.of(release, access), 3);

        assertThat(all).extracting(entry -> entry.time().getEpochSecond() - T0.getEpochSecond())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(all).extracting(AuditEntry::service).startsWith("release", "access", "access", "release");
    }

    @Test
    void givenSameTime_whenMerged_thenServiceNameThenGlobalIndexBreaksTheTie() {
        var release = new ListSource("release", entries("release", 0, 0));
        var access = new ListSource("access", entries("access", 0));

        var page = merger.page(List.of(release, access), AuditQuery.ALL, MergedAuditPosition.START, 10).block();

        assertThat(page.entries()).extracting(AuditEntry::service, AuditEntry::globalIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("access", 0L),
                        org.assertj.core.groups.Tuple.tuple("release", 0L),
                        org.assertj.core.groups.Tuple.tuple("release", 1L));
        assertThat(page.exhausted()).isTrue();
    }

    @Test
    void givenCursorNormalisationFails_whenPagedThrough_thenSkipFallbackStillLosesNothing() {
        // Every call asking for fewer entries than a page (the normalisation call) fails.
        var release = new ListSource("release", entries("release", 0, 2, 4, 6, 8, 10, 12), limit -> limit < 3);
        var access = new ListSource("access", entries("access", 1, 3, 5, 7, 9, 11, 13), limit -> limit < 3);

        List<AuditEntry> all = pageThrough(List.of(release, access), 3);

        assertThat(all).hasSize(14).isSortedAccordingTo(AuditMerger.ORDER);
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void givenServiceDown_whenPaged_thenListedAsMissingAndCursorKeptForIt() {
        var release = new ListSource("release", entries("release", 0, 1));
        var backup = new DownSource("backup");

        var page = merger.page(List.of(release, backup), AuditQuery.ALL, MergedAuditPosition.START, 10).block();

        assertThat(page.entries()).hasSize(2);
        assertThat(page.missing()).containsExactly(new AuditAnswer.Missing("backup", "unreachable"));
        assertThat(page.exhausted()).as("a gap must never look like the end").isFalse();
        assertThat(page.next().position("backup")).isEqualTo(MergedAuditPosition.Position.START);
        assertThat(page.next().position("release").done()).isTrue();
    }

    @Test
    void givenCombinedCursor_whenEncodedAndDecoded_thenSamePositions() {
        var cursor = new MergedAuditPosition(1, java.util.Map.of(
                "release", new MergedAuditPosition.Position("abc", 0, false),
                "access", new MergedAuditPosition.Position(null, 2, false),
                "backup", new MergedAuditPosition.Position("z", 0, true)));

        assertThat(MergedAuditPosition.decode(cursor.encode(JSON), JSON)).isEqualTo(cursor);
    }

    @Test
    void givenGarbageCursor_whenDecoded_thenIllegalArgument() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> MergedAuditPosition.decode("not-a-cursor!", JSON));
    }

    private List<AuditEntry> pageThrough(List<AuditSource> sources, int limit) {
        List<AuditEntry> all = new ArrayList<>();
        MergedAuditPosition cursor = MergedAuditPosition.START;
        for (int pages = 0; pages < 100; pages++) {
            // Through the encoded form, as a client would carry it.
            cursor = MergedAuditPosition.decode(cursor.encode(JSON), JSON);
            var page = merger.page(sources, AuditQuery.ALL, cursor, limit).block();
            assertThat(page.entries().size()).isLessThanOrEqualTo(limit);
            all.addAll(page.entries());
            if (page.exhausted()) {
                return all;
            }
            cursor = page.next();
        }
        throw new AssertionError("paging did not end");
    }

    private static List<AuditEntry> entries(String service, int... secondsAfterT0) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < secondsAfterT0.length; i++) {
            entries.add(new AuditEntry(service, i, "event-" + service + "-" + i, T0.plusSeconds(secondsAfterT0[i]), "id",
                    "dev1", "Release", service + "-" + i, (long) i, "Happened", "summary", "c", null, null, "h" + i));
        }
        return entries;
    }

    /** A service whose cursor is the index of the next entry, written so clients can't read it. */
    private static final class ListSource implements AuditSource {
        private final String name;
        private final List<AuditEntry> entries;
        private final IntPredicate failsForLimit;

        ListSource(String name, List<AuditEntry> entries) {
            this(name, entries, limit -> false);
        }

        ListSource(String name, List<AuditEntry> entries, IntPredicate failsForLimit) {
            this.name = name;
            this.entries = entries;
            this.failsForLimit = failsForLimit;
        }

        @Override
        public String service() {
            return name;
        }

        @Override
        public Mono<AuditPage> fetch(AuditQuery query, String cursor, int limit) {
            if (failsForLimit.test(limit)) {
                return Mono.error(new IllegalStateException("flaky"));
            }
            int from = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
            int to = Math.min(entries.size(), from + limit);
            return Mono.just(new AuditPage(entries.subList(from, to), to < entries.size() ? "@" + to : null));
        }
    }

    private record DownSource(String service) implements AuditSource {
        @Override
        public Mono<AuditPage> fetch(AuditQuery query, String cursor, int limit) {
            return Mono.error(new IOException("down", new java.net.ConnectException("Connection refused")));
        }
    }
}
