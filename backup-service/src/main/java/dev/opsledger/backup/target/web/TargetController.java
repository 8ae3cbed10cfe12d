package dev.opsledger.backup.target.web;

import dev.opsledger.backup.target.api.PostgresLocation;
import dev.opsledger.backup.target.api.RegisterTarget;
import dev.opsledger.backup.target.api.TargetKind;
import dev.opsledger.backup.target.api.TargetLocation;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.backup.target.query.TargetQueries;
import dev.opsledger.backup.target.query.TargetView;
import dev.opsledger.backup.web.Roles;
import dev.opsledger.backup.web.Validation;
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
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets: what is protected. Registering one needs the backup-operator role. */
@RestController
@Validated
@Tag(name = "Targets", description = "PostgreSQL databases and directories to protect.")
class TargetController {

    static final String PATH = "/backup-targets";

    private final Commands commands;
    private final TargetQueries queries;

    TargetController(Commands commands, TargetQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Schema(description = "POSTGRESQL needs host, port, database and credentialsRef; DIRECTORY needs path.")
    record TargetRequest(@NotBlank @Size(max = 200) @Pattern(regexp = Validation.PLAIN_TEXT) String name,
                         @NotNull TargetKind kind,
                         @Size(max = 253) String host, @Min(1) @Max(65535) Integer port,
                         @Size(max = 63) String database,
                         @Schema(description = "Resolved from opsledger.backup.credentials.<ref>.*; never a secret")
                         @Size(max = 40) String credentialsRef,
                         @Size(max = 1024) String path) {

        TargetLocation location() {
            return kind == TargetKind.POSTGRESQL
                    ? TargetLocation.postgresql(new PostgresLocation(host, port == null ? 0 : port, database,
                            credentialsRef))
                    : new TargetLocation(kind, null, path);
        }
    }

    @PostMapping(PATH)
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Register a target", description = "A unique name and a location; a directory must lie "
            + "under an allowed root, without '..', not behind a symlink leaving the root, not in the repository.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "409", description = "target.name-taken")
    @ApiResponse(responseCode = "422", description = "target.invalid-location, target.path-not-allowed")
    ResponseEntity<Accepted> register(@Valid @RequestBody TargetRequest request, Authentication caller) {
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterTarget(id, request.name(), request.location(), Caller.of(caller)));
        return Accepted.created(PATH, id);
    }

    @GetMapping(PATH)
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "List targets", description = "By name, in pages.")
    Page<TargetView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                          @RequestParam(required = false) String cursor) {
        return queries.page(limit, cursor);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "Read a target")
    @ApiResponse(responseCode = "404", description = "target.not-found")
    TargetView find(@PathVariable String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException(Target.NOT_FOUND, "No target with id " + id));
    }
}
