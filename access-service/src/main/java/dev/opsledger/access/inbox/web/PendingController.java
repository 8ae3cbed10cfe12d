package dev.opsledger.access.inbox.web;

import dev.opsledger.access.inbox.query.PendingItem;
import dev.opsledger.access.inbox.query.PendingItems;
import dev.opsledger.access.web.Roles;
import dev.opsledger.platform.core.paging.Page;
import dev.opsledger.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service's one inbox: every kind of item the caller may decide, at the path the portal knows. */
@RestController
@Tag(name = "Pending", description = "What the caller may decide now.")
class PendingController {

    private final PendingItems pending;
    private final Clock clock;

    PendingController(PendingItems pending, Clock clock) {
        this.pending = pending;
        this.clock = clock;
    }

    @GetMapping("/access-requests/pending")
    @PreAuthorize(Roles.ANY_OPSLEDGER_ROLE)
    @Operation(summary = "What I may decide", description = "Access requests whose policy lets the caller decide "
            + "now (right role, not their own, not yet decided, deadline ahead), break-glass access awaiting the "
            + "caller's review, and undecided items of open access reviews the caller is a reviewer of (never their "
            + "own access). Soonest deadline first; `kind` and `decideAt` say what to do with each.")
    Page<PendingItem> pendingForMe(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT)
                                   int limit,
                                   @RequestParam(required = false) String cursor, Authentication caller) {
        return pending.forCaller(Caller.of(caller), clock.instant(), limit, cursor);
    }
}
