package dev.opsledger.release.environment.web;

import dev.opsledger.platform.error.InvalidInputException;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.release.environment.query.BoardView;
import dev.opsledger.release.environment.query.EnvironmentQueries;
import dev.opsledger.release.environment.query.LedgerEntry;
import dev.opsledger.release.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Environments", description = "What runs where, and every deployment that ever happened.")
class EnvironmentController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final EnvironmentQueries queries;

    EnvironmentController(EnvironmentQueries queries) {
        this.queries = queries;
    }

    /** {@code nextCursor} is null on the last page. */
    record LedgerPage(List<LedgerEntry> entries, String nextCursor) {
    }

    @GetMapping("/environments/board")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Environment board", description = "Which version runs in each environment of the "
            + "application now, in lifecycle order, with the promotion under way to each.")
    @ApiResponse(responseCode = "404", description = "application.not-found")
    BoardView board(@Parameter(description = "application id", required = true) @RequestParam String application) {
        return queries.board(application)
                .orElseThrow(() -> new NotFoundException("application.not-found",
                        "No application with id " + application));
    }

    @GetMapping("/deployments")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Deployment ledger", description = "Every deployment outcome of the application, failures "
            + "included, newest first. Nothing is ever dropped: follow nextCursor to read it all.")
    LedgerPage ledger(@Parameter(description = "application id", required = true) @RequestParam String application,
                      @Parameter(description = "only this environment") @RequestParam(required = false)
                      String environment,
                      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
                      String cursor,
                      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        Long before = parseCursor(cursor);
        // One extra row tells whether another page exists without counting.
        List<LedgerEntry> rows = queries.ledger(application, environment, before, limit + 1);
        boolean more = rows.size() > limit;
        List<LedgerEntry> page = more ? rows.subList(0, limit) : rows;
        return new LedgerPage(page, more ? Long.toString(page.getLast().entryId()) : null);
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException notOurs) {
            throw new InvalidInputException("cursor", "is not a cursor this endpoint returned");
        }
    }
}
