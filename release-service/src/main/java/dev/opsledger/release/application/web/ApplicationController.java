package dev.opsledger.release.application.web;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.error.NotFoundException;
import dev.opsledger.platform.web.Accepted;
import dev.opsledger.platform.web.Commands;
import dev.opsledger.release.application.api.ApplicationCodes;
import dev.opsledger.release.application.api.DefineLifecycle;
import dev.opsledger.release.application.api.Lifecycle;
import dev.opsledger.release.application.api.RegisterApplication;
import dev.opsledger.release.application.query.ApplicationQueries;
import dev.opsledger.release.application.query.ApplicationView;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApplicationController.PATH)
@Tag(name = "Applications", description = "Applications and their lifecycles (ordered environments with rules).")
class ApplicationController {

    static final String PATH = "/applications";

    private final Commands commands;
    private final ApplicationQueries queries;

    ApplicationController(Commands commands, ApplicationQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record RegisterApplicationRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 100) String owningTeam,
            @Schema(example = "https://git.example.org/platform/billing.git")
            @NotBlank @Size(max = 500) @Pattern(regexp = "(https?|ssh|git)://\\S+|git@\\S+") String repositoryUrl) {
    }

    record DefineLifecycleRequest(@NotEmpty List<@Valid @NotNull EnvironmentRulesBody> environments) {
    }

    record ApplicationResponse(String id, String name, String owningTeam, String repositoryUrl, int lifecycleVersion,
                               List<EnvironmentRulesBody> environments, Instant registeredAt) {

        static ApplicationResponse of(ApplicationView view) {
            return new ApplicationResponse(view.applicationId(), view.name(), view.owningTeam(), view.repositoryUrl(),
                    view.lifecycleVersion(), view.environments().stream().map(EnvironmentRulesBody::from).toList(),
                    view.registeredAt());
        }
    }

    @PostMapping
    @PreAuthorize(Roles.RELEASE_MANAGER)
    @Operation(summary = "Register an application", description = "Needs the release-manager role. Names are unique.")
    @ApiResponse(responseCode = "201", description = "Registered; Location points at the application")
    @ApiResponse(responseCode = "409", description = ApplicationCodes.NAME_TAKEN)
    ResponseEntity<Accepted> register(@Valid @RequestBody RegisterApplicationRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterApplication(id, request.name(), request.owningTeam(), request.repositoryUrl()));
        return Accepted.created(PATH, id);
    }

    @PutMapping("/{id}/lifecycle")
    @PreAuthorize(Roles.RELEASE_MANAGER)
    @Operation(summary = "Define the lifecycle", description = "Replaces the ordered environments with a new "
            + "lifecycle version. Promotions under way keep the rules they started with.")
    @ApiResponse(responseCode = "202", description = "New lifecycle version recorded")
    @ApiResponse(responseCode = "404", description = ApplicationCodes.NOT_FOUND)
    @ApiResponse(responseCode = "422", description = Lifecycle.INVALID)
    ResponseEntity<Accepted> defineLifecycle(@PathVariable String id,
                                             @Valid @RequestBody DefineLifecycleRequest request) {
        commands.sendTo(new DefineLifecycle(id, request.environments().stream().map(EnvironmentRulesBody::toDomain)
                .toList()), ApplicationCodes.NOT_FOUND, "application");
        return Accepted.accepted(PATH, id);
    }

    @GetMapping
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List applications", description = "Ordered by name; limit at a time, follow "
            + "nextCursor for the next page.")
    Page<ApplicationResponse> findAll(
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return queries.findAll(Cursor.decode(cursor, 2), limit).map(ApplicationResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read one application with its current lifecycle")
    @ApiResponse(responseCode = "404", description = ApplicationCodes.NOT_FOUND)
    ApplicationResponse find(@PathVariable String id) {
        return queries.find(id).map(ApplicationResponse::of)
                .orElseThrow(() -> new NotFoundException(ApplicationCodes.NOT_FOUND, "No application with id " + id));
    }
}
