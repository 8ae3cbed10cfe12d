package dev.opsledger.release.release.web;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Commands;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.promotion.query.PromotionQueries;
import dev.opsledger.release.promotion.query.PromotionView;
import dev.opsledger.release.release.api.CommitSha;
import dev.opsledger.release.release.api.CreateRelease;
import dev.opsledger.release.release.api.ReleaseCodes;
import dev.opsledger.release.release.api.SemanticVersion;
import dev.opsledger.release.release.query.ReleaseQueries;
import dev.opsledger.release.release.query.ReleaseView;
import dev.opsledger.release.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ReleaseController.PATH)
@Tag(name = "Releases", description = "Builds of an application, identified by a SemVer version.")
class ReleaseController {

    static final String PATH = "/releases";

    private final Commands commands;
    private final ReleaseQueries releases;
    private final PromotionQueries promotions;

    ReleaseController(Commands commands, ReleaseQueries releases, PromotionQueries promotions) {
        this.commands = commands;
        this.releases = releases;
        this.promotions = promotions;
    }

    /** Version and commit are checked by the aggregate, which answers with stable codes. */
    record CreateReleaseRequest(
            @NotBlank String applicationId,
            @Schema(description = "SemVer 2.0, unique per application (build metadata ignored)", example = "1.4.0")
            @NotBlank @Size(max = 255) String version,
            @Schema(description = "Git commit, 7 to 40 hex digits", example = "9fceb02")
            @NotBlank @Size(max = 40) String commitSha,
            @Schema(example = "registry.example.org/billing:1.4.0") @NotBlank @Size(max = 500) String artifactReference,
            @Size(max = 4000) String notes) {
    }

    record ReleaseResponse(ReleaseView release, List<PromotionView> promotions) {
    }

    @PostMapping
    @PreAuthorize(Roles.DEVELOPER)
    @Operation(summary = "Create a release", description = "Needs the developer role.")
    @ApiResponse(responseCode = "201", description = "Created; Location points at the release")
    @ApiResponse(responseCode = "404", description = ApplicationCodes.NOT_FOUND)
    @ApiResponse(responseCode = "409", description = ReleaseCodes.VERSION_TAKEN)
    @ApiResponse(responseCode = "422", description = SemanticVersion.INVALID + ", " + CommitSha.INVALID)
    ResponseEntity<Accepted> create(@Valid @RequestBody CreateReleaseRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(new CreateRelease(id, request.applicationId(), request.version(), request.commitSha(),
                request.artifactReference(), request.notes()));
        return Accepted.created(PATH, id);
    }

    @GetMapping
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List releases", description = "Newest first, optionally of one application; "
            + "limit at a time, follow nextCursor for the next page.")
    Page<ReleaseView> findAll(
            @Parameter(description = "application id") @RequestParam(required = false) String application,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return releases.findAll(application, Cursor.decode(cursor, 2), limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a release with all its promotions")
    @ApiResponse(responseCode = "404", description = ReleaseCodes.NOT_FOUND)
    ReleaseResponse find(@PathVariable String id) {
        ReleaseView release = releases.find(id)
                .orElseThrow(() -> new NotFoundException(ReleaseCodes.NOT_FOUND, "No release with id " + id));
        return new ReleaseResponse(release, promotions.ofRelease(id));
    }
}
