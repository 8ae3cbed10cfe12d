package dev.opsledger.access.grant.web;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.api.ReleaseGrant;
import dev.opsledger.access.grant.api.ReviewBreakGlass;
import dev.opsledger.access.grant.api.RevokeGrant;
import dev.opsledger.access.grant.query.GrantQueries;
import dev.opsledger.access.grant.query.GrantView;
import dev.opsledger.access.web.Inputs;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.InvalidInputException;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Caller;
import dev.opsledger.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
 * Grants: who holds access, who held it when, and ending it. Callers see their own grants unless
 * their role lets them see everyone's; who may revoke, release or review is the aggregate's call.
 */
@RestController
@Tag(name = "Grants", description = "Access held, its history, and ending it.")
class GrantController {

    static final String PATH = "/grants";
    static final String NOT_FOUND = "grant.not-found";

    private final Commands commands;
    private final GrantQueries queries;
    private final Clock clock;

    GrantController(Commands commands, GrantQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    record Reason(@NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String reason) {
    }

    record Review(@NotNull Boolean justified,
                  @NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String comment) {
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "List grants", description = "Newest first, filtered by user (token subject), resource and "
            + "state. Callers who may not see everyone's grants see only their own, whatever user they ask for.")
    Page<GrantView> list(@RequestParam(required = false) @Pattern(regexp = Inputs.ID) String user,
                         @RequestParam(required = false) @Pattern(regexp = Inputs.ID) String resource,
                         @Parameter(description = "A grant state, e.g. ACTIVE") @RequestParam(required = false)
                         String state,
                         @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                         @RequestParam(required = false) String cursor, Authentication caller) {
        Actor actor = Caller.of(caller);
        String userFilter = actor.hasAnyRole(Roles.EVERYONE_READERS) ? user : actor.id();
        return queries.list(userFilter, resource, state == null ? null : status(state).name(), limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Read a grant")
    @ApiResponse(responseCode = "404", description = "grant.not-found (also for others' grants)")
    GrantView find(@PathVariable @Pattern(regexp = Inputs.ID) String id, Authentication caller) {
        Actor actor = Caller.of(caller);
        return queries.find(id)
                .filter(view -> view.userId().equals(actor.id()) || actor.hasAnyRole(Roles.EVERYONE_READERS))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, "No grant with id " + id));
    }

    @PostMapping(PATH + "/{id}/revoke")
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Revoke", description = "Removes the access now and ends the user's sessions; tokens already "
            + "issued stay valid for at most the realm's access-token lifespan.")
    @ApiResponse(responseCode = "202", description = "Revocation under way")
    @ApiResponse(responseCode = "409", description = "grant.already-ended")
    ResponseEntity<Accepted> revoke(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                    @Valid @RequestBody Reason reason, Authentication caller) {
        commands.sendInChainOf(id, new RevokeGrant(id, Caller.of(caller), reason.reason()), NOT_FOUND, "grant");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/release")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Release early", description = "The grantee gives the access back before it expires.")
    @ApiResponse(responseCode = "202", description = "Release under way")
    @ApiResponse(responseCode = "403", description = "grant.not-grantee")
    @ApiResponse(responseCode = "409", description = "grant.already-ended")
    ResponseEntity<Accepted> release(@PathVariable @Pattern(regexp = Inputs.ID) String id, Authentication caller) {
        commands.sendInChainOf(id, new ReleaseGrant(id, Caller.of(caller)), NOT_FOUND, "grant");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/review")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Review break-glass access", description = "By one of the resource's approvers, never the "
            + "person who took it, before the review deadline.")
    @ApiResponse(responseCode = "202", description = "Review recorded")
    @ApiResponse(responseCode = "403", description = "break-glass.self-review, break-glass.reviewer-role-not-allowed")
    @ApiResponse(responseCode = "409", description = "break-glass.no-review, break-glass.review-closed")
    ResponseEntity<Accepted> review(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                    @Valid @RequestBody Review review, Authentication caller) {
        commands.sendInChainOf(id, new ReviewBreakGlass(id, Caller.of(caller), review.justified(), review.comment()),
                NOT_FOUND, "grant");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping("/resources/{id}/members")
    @PreAuthorize(Roles.SEES_EVERYONE)
    @Operation(summary = "Who has (or had) access", description = "Without at: now. With at (ISO-8601 instant, not "
            + "in the future): from the grant history, each with the grant and its approvers. Access counts until "
            + "its end plus the access-token lifespan.")
    @ApiResponse(responseCode = "400", description = "validation.failed on at (malformed or in the future)")
    Page<GrantView> members(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                            @RequestParam(required = false) String at,
                            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                            int limit,
                            @RequestParam(required = false) String cursor) {
        Instant now = clock.instant();
        return queries.membersAt(id, at == null ? now : pastInstant(at, now), limit, cursor);
    }

    private static Instant pastInstant(String text, Instant now) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw new InvalidInputException("at", "must be an ISO-8601 instant like 2025-01-31T12:00:00Z");
        }
        if (at.isAfter(now)) {
            throw new InvalidInputException("at", "must not be in the future");
        }
        return at;
    }

    private static GrantStatus status(String text) {
        try {
            return GrantStatus.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "must be one of " + Arrays.toString(GrantStatus.values()));
        }
    }
}
