package dev.opsledger.release.environment.web;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.release.application.api.ApplicationCodes;
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

    private final EnvironmentQueries queries;

    EnvironmentController(EnvironmentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/environments/board")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Environment board", description = "Which version runs in each environment of the "
            + "application now, in lifecycle order, with the promotion under way to each.")
    @ApiResponse(responseCode = "404", description = ApplicationCodes.NOT_FOUND)
    BoardView board(@Parameter(description = "application id", required = true) @RequestParam String application) {
        return queries.board(application)
                .orElseThrow(() -> new NotFoundException(ApplicationCodes.NOT_FOUND,
                        "No application with id " + application));
    }

    @GetMapping("/deployments")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Deployment ledger", description = "Every deployment outcome of the application, failures "
            + "included, newest first. Nothing is ever dropped: follow nextCursor to read it all.")
    Page<LedgerEntry> ledger(@Parameter(description = "application id", required = true) @RequestParam String application,
                      @Parameter(description = "only this environment") @RequestParam(required = false)
                      String environment,
                      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
                      String cursor,
                      @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        Cursor before = Cursor.decode(cursor, 1);
        List<LedgerEntry> rows = queries.ledger(application, environment, before == null ? null : before.number(0),
                limit + 1);
        return Page.of(rows, limit, entry -> Cursor.of(entry.entryId()));
    }
}
