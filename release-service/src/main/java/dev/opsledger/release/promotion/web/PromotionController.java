package dev.opsledger.release.promotion.web;

import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Caller;
import dev.opsledger.platform.web.Commands;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.promotion.api.ApprovePromotion;
import dev.opsledger.release.promotion.api.CancelPromotion;
import dev.opsledger.release.promotion.api.ConfirmDeployment;
import dev.opsledger.release.promotion.api.OverrideFreeze;
import dev.opsledger.release.promotion.api.PromotionCodes;
import dev.opsledger.release.promotion.api.RejectPromotion;
import dev.opsledger.release.promotion.api.ReportDeploymentFailure;
import dev.opsledger.release.promotion.api.RequestPromotion;
import dev.opsledger.release.promotion.api.RollBackRelease;
import dev.opsledger.release.promotion.query.PromotionQueries;
import dev.opsledger.release.promotion.query.PromotionView;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Promotions: a release entering one environment. Who may approve, cancel, override or record
 * a result is decided by the aggregate from the caller's roles and the environment's policy;
 * the role checks here only keep obviously wrong callers away early.
 */
@RestController
@Tag(name = "Promotions", description = "Moving a release through its application's environments.")
class PromotionController {

    static final String PATH = "/promotions";

    private final Commands commands;
    private final PromotionQueries queries;
    private final Clock clock;

    PromotionController(Commands commands, PromotionQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    record PromotionRequest(@Schema(example = "qa") @NotBlank String environment) {
    }

    record RollbackRequest(@Schema(example = "prod") @NotBlank String environment,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    record Decision(@Size(max = 2000) String comment) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record OptionalReason(@Size(max = 2000) String reason) {
    }

    enum Outcome { SUCCEEDED, FAILED }

    @Schema(description = "SUCCEEDED needs an evidence link, FAILED a reason.")
    record DeploymentResult(@NotNull Outcome outcome, @Size(max = 2000) String evidenceUrl,
                            @Size(max = 2000) String reason) {

        @AssertTrue(message = "SUCCEEDED needs evidenceUrl, FAILED needs reason")
        boolean isComplete() {
            return outcome == null
                    || (outcome == Outcome.SUCCEEDED ? notBlank(evidenceUrl) : notBlank(reason));
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    @PostMapping("/releases/{releaseId}/promotions")
    @PreAuthorize(Roles.DEVELOPER)
    @Operation(summary = "Request a promotion", description = "Asks to deploy the release to the next environment "
            + "of its lifecycle. The environment's rules at this moment govern the promotion to its end.")
    @ApiResponse(responseCode = "201", description = "Requested; Location points at the promotion")
    @ApiResponse(responseCode = "404", description = ReleaseCodes.NOT_FOUND)
    @ApiResponse(responseCode = "409", description = PromotionCodes.ALREADY_ACTIVE)
    @ApiResponse(responseCode = "422", description = PromotionCodes.OUT_OF_ORDER + ", " + Lifecycle.UNKNOWN_ENVIRONMENT)
    ResponseEntity<Accepted> request(@PathVariable String releaseId, @Valid @RequestBody PromotionRequest request,
                                     Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new RequestPromotion(id, releaseId, request.environment(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PostMapping("/releases/{releaseId}/rollback")
    @PreAuthorize(Roles.DEVELOPER_OR_RELEASE_MANAGER)
    @Operation(summary = "Roll back a release", description = "Promotes again the release that ran in the environment "
            + "before this one, under the environment's rules.")
    @ApiResponse(responseCode = "201", description = "Rollback promotion requested")
    @ApiResponse(responseCode = "422",
            description = PromotionCodes.ROLLBACK_NOT_CURRENT + ", " + PromotionCodes.NOTHING_TO_ROLL_BACK_TO + ", " + PromotionCodes.REASON_REQUIRED)
    ResponseEntity<Accepted> rollback(@PathVariable String releaseId, @Valid @RequestBody RollbackRequest request,
                                      Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new RollBackRelease(id, releaseId, request.environment(), request.reason(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @PostMapping(PATH + "/{id}/approvals")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Approve", description = "The environment's policy decides who may approve.")
    @ApiResponse(responseCode = "202", description = "Approval recorded")
    @ApiResponse(responseCode = "403", description = Approvals.SELF_APPROVAL + ", " + Approvals.ROLE_NOT_ALLOWED)
    @ApiResponse(responseCode = "409", description = Approvals.ALREADY_DECIDED + ", " + Approvals.CLOSED)
    @ApiResponse(responseCode = "422", description = Approvals.DEADLINE_PASSED)
    ResponseEntity<Accepted> approve(@PathVariable String id, @Valid @RequestBody(required = false) Decision decision,
                                     Authentication caller) {
        commands.sendInChainOf(id, new ApprovePromotion(id, Caller.of(caller),
                decision == null ? null : decision.comment()), PromotionCodes.NOT_FOUND, "promotion");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/rejections")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Reject", description = "One rejection by an allowed approver ends the promotion.")
    @ApiResponse(responseCode = "202", description = "Rejected")
    ResponseEntity<Accepted> reject(@PathVariable String id, @Valid @RequestBody Reason reason, Authentication caller) {
        commands.sendInChainOf(id, new RejectPromotion(id, Caller.of(caller), reason.reason()), PromotionCodes.NOT_FOUND, "promotion");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/cancel")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Cancel", description = "The requester, a release manager or an admin, before deployment.")
    @ApiResponse(responseCode = "202", description = "Cancelled")
    ResponseEntity<Accepted> cancel(@PathVariable String id,
                                    @Valid @RequestBody(required = false) OptionalReason reason,
                                    Authentication caller) {
        commands.sendInChainOf(id, new CancelPromotion(id, Caller.of(caller), reason == null ? null : reason.reason()),
                PromotionCodes.NOT_FOUND, "promotion");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/deployment-result")
    @PreAuthorize(Roles.RELEASE_MANAGER)
    @Operation(summary = "Record the deployment result", description = "Deployed with an evidence link, or failed "
            + "with a reason. Needs the release-manager role.")
    @ApiResponse(responseCode = "202", description = "Result recorded")
    @ApiResponse(responseCode = "409", description = PromotionCodes.WRONG_STATE + " (not deploying)")
    ResponseEntity<Accepted> recordResult(@PathVariable String id, @Valid @RequestBody DeploymentResult result,
                                          Authentication caller) {
        Object command = result.outcome() == Outcome.SUCCEEDED
                ? new ConfirmDeployment(id, Caller.of(caller), result.evidenceUrl())
                : new ReportDeploymentFailure(id, Caller.of(caller), result.reason());
        commands.sendInChainOf(id, command, PromotionCodes.NOT_FOUND, "promotion");
        return Accepted.accepted(PATH, id);
    }

    @PostMapping(PATH + "/{id}/freeze-override")
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Override freezes", description = "Lets this promotion deploy during freeze periods. "
            + "Needs the admin role and a reason; recorded as FreezeOverridden.")
    @ApiResponse(responseCode = "202", description = "Override recorded")
    @ApiResponse(responseCode = "422", description = PromotionCodes.NOT_FROZEN)
    ResponseEntity<Accepted> overrideFreeze(@PathVariable String id, @Valid @RequestBody Reason reason,
                                            Authentication caller) {
        commands.sendInChainOf(id, new OverrideFreeze(id, Caller.of(caller), reason.reason()), PromotionCodes.NOT_FOUND, "promotion");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a promotion")
    @ApiResponse(responseCode = "404", description = PromotionCodes.NOT_FOUND)
    PromotionView find(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(PromotionCodes.NOT_FOUND, "No promotion with id " + id));
    }

    @GetMapping("/approvals/pending")
    @PreAuthorize(Roles.AUTHENTICATED)
    @Operation(summary = "Promotions I may approve", description = "Open promotions whose policy lets the caller "
            + "decide now: right role, not their own under four eyes, not yet decided, deadline ahead.")
    List<PromotionView> pendingForMe(Authentication caller) {
        return queries.pendingFor(Caller.of(caller), clock.instant());
    }
}
