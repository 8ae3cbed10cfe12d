package dev.opsledger.access.resource.web;

import dev.opsledger.access.resource.query.DriftQueries;
import dev.opsledger.access.resource.query.DriftView;
import dev.opsledger.access.resource.reconcile.DriftReconciler;
import dev.opsledger.access.web.Inputs;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.web.Accepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drift between Keycloak and the grants: reconciling on demand, and what was found. */
@RestController
@Tag(name = "Drift", description = "Members Keycloak has without a grant, and grants Keycloak lacks.")
class DriftController {

    private final DriftReconciler reconciler;
    private final DriftQueries queries;

    DriftController(DriftReconciler reconciler, DriftQueries queries) {
        this.reconciler = reconciler;
        this.queries = queries;
    }

    @PostMapping(ResourceController.PATH + "/{id}/reconcile")
    @PreAuthorize(Roles.ADMIN)
    @Operation(summary = "Reconcile now", description = "Compares Keycloak's members of the resource's role or group "
            + "with the grants, as the periodic run does: new drift is reported (access-drift-detected), and "
            + "unmanaged members are removed when the resource's rules say so.")
    @ApiResponse(responseCode = "202", description = "Reconciled")
    @ApiResponse(responseCode = "404", description = "resource.not-found")
    @ApiResponse(responseCode = "409", description = "resource.not-reconcilable (external resources)")
    ResponseEntity<Accepted> reconcile(@PathVariable @Pattern(regexp = Inputs.ID) String id) {
        reconciler.reconcile(id);
        return Accepted.accepted(ResourceController.PATH, id);
    }

    @GetMapping(ResourceController.PATH + "/{id}/drift")
    @PreAuthorize(Roles.SEES_EVERYONE)
    @Operation(summary = "Drift found", description = "Newest first; open=true for the drift that lasts.")
    Page<DriftView> drift(@PathVariable @Pattern(regexp = Inputs.ID) String id,
                          @RequestParam(defaultValue = "false") boolean open,
                          @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return queries.ofResource(id, open, limit, cursor);
    }
}
