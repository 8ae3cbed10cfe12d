package dev.opsledger.backup.sufficiency.web;

import dev.opsledger.backup.sufficiency.query.SufficiencyQueries;
import dev.opsledger.backup.sufficiency.query.SufficiencyReport;
import dev.opsledger.backup.web.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Is every target protected well enough, right now? */
@RestController
@Tag(name = "Sufficiency", description = "Every target against its RPO and its restore tests.")
class SufficiencyController {

    private final SufficiencyQueries queries;
    private final Clock clock;

    SufficiencyController(SufficiencyQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/backup-sufficiency")
    @PreAuthorize(Roles.READERS)
    @Operation(summary = "The sufficiency report", description = "Per target: compliant, at-risk (past 80 % of the "
            + "RPO), breached, or unprotected (no policy); the last verified restore and whether one is overdue.")
    SufficiencyReport report() {
        return queries.report(clock.instant());
    }
}
