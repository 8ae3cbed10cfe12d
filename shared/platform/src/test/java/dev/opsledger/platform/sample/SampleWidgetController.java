package dev.opsledger.platform.sample;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.web.Accepted;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints shaped like every service's, for the API-convention tests: a body with text that
 * goes to PostgreSQL and a duration added to the clock, a paged list, and a path variable.
 */
@RestController
@Validated
class SampleWidgetController {

    private final JdbcClient jdbc;
    private final Clock clock;

    SampleWidgetController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Widget(@NotBlank String name, Duration ttl, List<String> tags) {
    }

    @PostMapping("/widgets")
    @PreAuthorize("hasRole('developer')")
    ResponseEntity<Accepted> create(@Valid @RequestBody Widget widget) {
        String stored = jdbc.sql("SELECT CAST(? AS text)").param(widget.name()).query(String.class).single();
        Instant expires = widget.ttl() == null ? null : clock.instant().plus(widget.ttl());
        return Accepted.created("/widgets", stored + (expires == null ? "" : "@" + expires.getEpochSecond()));
    }

    @GetMapping("/widgets")
    @PreAuthorize("hasRole('developer')")
    Page<String> list(@RequestParam(required = false) String name,
                      @RequestParam(required = false) String cursor,
                      @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        Cursor after = Cursor.decode(cursor, 1);
        long start = after == null ? 0 : after.number(0) + 1;
        List<String> rows = jdbc.sql("SELECT CAST(? AS text) || n FROM generate_series(CAST(? AS bigint), 6) AS n LIMIT ?")
                .params(name == null ? "w" : name, start, limit + 1)
                .query(String.class).list();
        return Page.of(rows, limit, row -> Cursor.of(Long.parseLong(row.replaceAll("\\D", ""))));
    }

    @GetMapping("/widgets/{id}")
    @PreAuthorize("hasRole('developer')")
    String one(@PathVariable String id) {
        return jdbc.sql("SELECT CAST(? AS text)").param(id).query(String.class).single();
    }
}
