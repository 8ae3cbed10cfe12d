package dev.opsledger.access.request.web;

import dev.opsledger.access.request.api.ApproveAccessRequest;
import dev.opsledger.access.request.api.CancelAccessRequest;
import dev.opsledger.access.request.api.RejectAccessRequest;
import dev.opsledger.access.request.api.RequestAccess;
import dev.opsledger.access.request.query.AccessRequestQueries;
import dev.opsledger.access.request.query.AccessRequestView;
import dev.opsledger.access.web.Inputs;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.actor.Actor;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
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
 * Access requests. Whether the caller may request, approve, reject or cancel is decided by the
 * aggregate from the resource's rules and the request's approval policy; reads are limited to
 * the caller's own requests unless their role lets them see everyone's (no BOLA).
 */
@RestController
@Tag(name = "Access requests", description = "Asking for access, and approving it.")
class AccessRequestController {

    static final String PATH = "/access-requests";
    static final String NOT_FOUND = "access-request.not-found";

    private final Commands commands;
    private final AccessRequestQueries queries;
    private final Clock clock;

    AccessRequestController(Commands commands, AccessRequestQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    record NewRequest(@NotBlank @Pattern(regexp = Inputs.ID) String resourceId,
                      @Schema(example = "Investigating incident INC-4711") @NotBlank @Size(max = 2000)
                      @Pattern(regexp = Inputs.TEXT) String justification,
                      @Schema(example = "PT4H", description = "ISO-8601; at most the resource's maximum")
                      @NotNull Duration duration) {
    }

    record Decision(@Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String comment) {
    }

    record Reason(@NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String reason) {
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Request access", description = "For the caller, to a resource, for a duration up to the "
            + "resource's maximum. The resource's approval policy at this moment governs the request to its end.")
    @ApiResponse(responseCode = "201", description = "Requested; Location points at the request")
    @ApiResponse(responseCode = "403", description = "access-request.role-not-allowed")
    @ApiResponse(responseCode = "404", description = "resource.not-found")
    @ApiResponse(responseCode = "409", description = "access-request.already-active (ask for an extension instead)")
    @ApiResponse(responseCode = "422",
            description = "access-request.duration-out-of-range, access-request.justification-required")
    ResponseEntity<Accepted> request(@Valid @RequestBody NewRequest body, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new RequestAccess(id, body.resourceId(), body.justification(), body.duration(), null,
                Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "List requests", description = "Newest first. With mine=true (the default for callers who "
            + "may not see everyone's) only the caller's own.")
    Page<AccessRequestView> list(@RequestParam(required = false) Boolean mine,
                                 @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                                 int limit,
                                 @RequestParam(required = false) String cursor, Authentication caller) {
        Actor actor = Caller.of(caller);
        boolean onlyMine = Boolean.TRUE.equals(mine) || !actor.hasAnyRole(Roles.EVERYONE_READERS);
        return queries.list(onlyMine ? actor.id() : null, limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Read a request", description = "One's own, or any with a role that sees everyone's.")
    @ApiResponse(responseCode = "404", description = "access-request.not-found (also for others' requests)")
    AccessRequestView find(@PathVariable @Pattern(regexp = Inputs.ID) String id, Authentication caller) {
        Actor actor = Caller.of(caller);
        return queries.find(id)
                .filter(view -> view.requesterId().equals(actor.id()) || actor.hasAnyRole(Roles.EVERYONE_READERS))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND, "No access request with id " + id));
    }

    @PostMapping(PATH + "/{id}/approvals")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Approve", description = "The request's policy decides who may approve; never the requester.")
    @ApiResponse(responseCode = "202", description = "Approval recorded")
    @ApiResponse(responseCode = "403", description = "approval.self-approval, approval.role-not-allowed")
    @ApiResponse(responseCode = "409", description = "approval.already-decided, approval.closed")
    @ApiResponse(responseCode = "422", description = "approval.deadline-passed")
    ResponseEntity<Accepted> approve(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                     @Valid @RequestBody(required = false) Decision decision, Authentication caller) {
        commands.sendInChainOf(id, new ApproveAccessRequest(id, Caller.of(caller),
                decision == null ? null : decision.comment()), NOT_FOUND, "access request");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/rejections")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Reject", description = "One rejection by an allowed approver ends the request.")
    @ApiResponse(responseCode = "202", description = "Rejected")
    ResponseEntity<Accepted> reject(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                    @Valid @RequestBody Reason reason, Authentication caller) {
        commands.sendInChainOf(id, new RejectAccessRequest(id, Caller.of(caller), reason.reason()), NOT_FOUND,
                "access request");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/cancel")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Cancel", description = "The requester withdraws a request still awaiting approval.")
    @ApiResponse(responseCode = "202", description = "Cancelled")
    @ApiResponse(responseCode = "403", description = "access-request.not-yours")
    ResponseEntity<Accepted> cancel(@PathVariable @Pattern(regexp = Inputs.ID) String id, Authentication caller) {
        commands.sendInChainOf(id, new CancelAccessRequest(id, Caller.of(caller)), NOT_FOUND, "access request");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping("/grants/{id}/extend")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Ask to extend a grant", description = "A new request linked to the grant, approved like "
            + "any other; on approval the grant's expiry moves by the duration.")
    @ApiResponse(responseCode = "201", description = "Extension requested; Location points at the request")
    @ApiResponse(responseCode = "403", description = "access-request.not-extendable (not the grantee)")
    @ApiResponse(responseCode = "409", description = "access-request.not-extendable (grant not active)")
    ResponseEntity<Accepted> extend(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                                    @Valid @RequestBody Extension body, Authentication caller) {
        String requestId = UUID.randomUUID().toString();
        commands.send(new RequestAccess(requestId, null, body.justification(), body.duration(), id,
                Caller.of(caller)));
        return Accepted.created(PATH, requestId);
    }

    record Extension(@NotBlank @Size(max = 2000) @Pattern(regexp = Inputs.TEXT) String justification,
                     @Schema(example = "PT2H") @NotNull Duration duration) {
    }

    @GetMapping(PATH + "/pending")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "Requests I may approve", description = "Open requests whose policy lets the caller decide "
            + "now: right role, not their own, not yet decided, deadline ahead. Soonest deadline first.")
    Page<AccessRequestView> pendingForMe(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1)
                                         @Max(Page.MAX_LIMIT) int limit,
                                         @RequestParam(required = false) String cursor, Authentication caller) {
        return queries.pendingFor(Caller.of(caller), clock.instant(), limit, cursor);
    }
}
