package dev.opsledger.access.review.web;

import dev.opsledger.access.review.api.DecideReviewItem;
import dev.opsledger.access.review.api.OpenAccessReview;
import dev.opsledger.access.review.api.ReviewDecision;
import dev.opsledger.access.review.query.AccessReviewQueries;
import dev.opsledger.access.review.query.AccessReviewView;
import dev.opsledger.access.web.Inputs;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Caller;
import dev.opsledger.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access-review campaigns: admins open them, reviewers keep or revoke each grant, and the report
 * says who decided what. Who may decide is the aggregate's call.
 */
@RestController
@Tag(name = "Access reviews", description = "Periodic campaigns that keep or revoke every active grant.")
class AccessReviewController {

    static final String PATH = "/access-reviews";
    static final String NOT_FOUND = "access-review.not-found";

    private final Commands commands;
    private final AccessReviewQueries queries;

    AccessReviewController(Commands commands, AccessReviewQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewReview(@Schema(example = "Q3 prod-db-read") @NotBlank @Size(max = 200) @Pattern(regexp = Inputs.TEXT)
                     String name,
                     @Schema(description = "The resource to review; omit for every resource")
                     @Pattern(regexp = Inputs.ID) String resourceId,
                     @NotEmpty @Size(max = 20) Set<@NotBlank @Pattern(regexp = Inputs.NAME) String> reviewerRoles,
                     @Schema(description = "ISO-8601 instant, in the future, at most 90 days away") @NotNull
                     Instant deadline) {
    }

    record Decision(@NotNull ReviewDecision decision,
                    @NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String comment) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Open an access review", description = "Every grant active now (of the resource, or of all) "
            + "becomes an item reviewers keep or revoke by the deadline; items nobody answers are revoked then.")
    @ApiResponse(responseCode = "201", description = "Opened; Location points at the campaign")
    @ApiResponse(responseCode = "409", description = "access-review.nothing-to-review")
    @ApiResponse(responseCode = "422", description = "access-review.invalid (deadline, roles, name)")
    ResponseEntity<Accepted> open(@Valid @RequestBody NewReview body, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new OpenAccessReview(id, body.name(), body.resourceId(), body.reviewerRoles(), body.deadline(),
                Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.SEES_EVERYONE)
    @Operation(summary = "List access reviews", description = "Newest first, without their items.")
    Page<AccessReviewView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                                int limit,
                                @RequestParam(required = false) String cursor) {
        return queries.list(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.SEES_EVERYONE)
    @Operation(summary = "Read an access review", description = "The report: each item with its decision, who made "
            + "it and their comment; UNANSWERED items were revoked at the deadline.")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    AccessReviewView find(@PathVariable @Pattern(regexp = Inputs.ID) String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND, "No access review with id " + id));
    }

    @PostMapping(PATH + "/{id}/items/{grantId}/decision")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Keep or revoke one grant", description = "By a reviewer of the campaign, never the grantee, "
            + "before the deadline, with a comment. REVOKE takes the access away at once.")
    @ApiResponse(responseCode = "202", description = "Decision recorded")
    @ApiResponse(responseCode = "403", description = "access-review.self-review, access-review.reviewer-role-not-allowed")
    @ApiResponse(responseCode = "404", description = "access-review.not-found, access-review.no-such-item")
    @ApiResponse(responseCode = "409", description = "access-review.already-decided, access-review.closed")
    ResponseEntity<Accepted> decide(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                    @PathVariable @Pattern(regexp = Inputs.ID) String grantId,
                                    @Valid @RequestBody Decision body, Authentication caller) {
        commands.sendInChainOf(id, new DecideReviewItem(id, grantId, body.decision(), body.comment(),
                Caller.of(caller)), NOT_FOUND, "access review");
        return Accepted.accepted(PATH, id);
    }
}
