package dev.opsledger.access.inbox.query;

import dev.opsledger.access.grant.query.GrantQueries;
import dev.opsledger.access.request.query.AccessRequestQueries;
import dev.opsledger.access.review.query.AccessReviewQueries;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Everything the caller may decide now, soonest deadline first: access requests (by the request's
 * own approval rules), break-glass reviews and access-review items (a reviewer role, never one's
 * own access). The aggregates check again when the decision arrives; this list only spares the
 * caller items they would be refused.
 */
@Component
public class PendingItems {

    private static final Comparator<PendingItem> ORDER = Comparator.comparing(PendingItem::deadline)
            .thenComparing(PendingItem::key);

    private final AccessRequestQueries requests;
    private final GrantQueries grants;
    private final AccessReviewQueries reviews;

    PendingItems(AccessRequestQueries requests, GrantQueries grants, AccessReviewQueries reviews) {
        this.requests = requests;
        this.grants = grants;
        this.reviews = reviews;
    }

    public Page<PendingItem> forCaller(Actor caller, Instant now, int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 2);
        List<PendingItem> all = new ArrayList<>();
        requests.decidableBy(caller, now).forEach(r -> all.add(new PendingItem(PendingItem.ACCESS_REQUEST,
                "/access-requests/" + r.requestId() + "/approvals", r.resourceId(), r.requesterId(),
                r.requesterName(), r.justification(), r.deadline(), r.requestId(), r.grantId(), null)));
        grants.pendingBreakGlassReviews(now).stream()
                .filter(g -> mayReview(caller, g.reviewerRoles(), g.userId()))
                .forEach(g -> all.add(new PendingItem(PendingItem.BREAK_GLASS_REVIEW,
                        "/grants/" + g.grantId() + "/review", g.resourceId(), g.userId(), g.userName(),
                        g.justification(), g.deadline(), null, g.grantId(), null)));
        reviews.openItems().stream()
                .filter(i -> i.deadline().isAfter(now) && mayReview(caller, i.reviewerRoles(), i.userId()))
                .forEach(i -> all.add(new PendingItem(PendingItem.ACCESS_REVIEW_ITEM,
                        "/access-reviews/" + i.reviewId() + "/items/" + i.grantId() + "/decision", i.resourceId(),
                        i.userId(), i.userName(), i.reviewName(), i.deadline(), null, i.grantId(), i.reviewId())));
        Stream<PendingItem> sorted = all.stream().sorted(ORDER);
        if (cursor != null) {
            Instant deadline = cursor.instant(0);
            String key = cursor.text(1);
            sorted = sorted.filter(item -> item.deadline().isAfter(deadline)
                    || item.deadline().equals(deadline) && item.key().compareTo(key) > 0);
        }
        return Page.of(sorted.limit(limit + 1L).toList(), limit, item -> Cursor.of(item.deadline(), item.key()));
    }

    private static boolean mayReview(Actor caller, List<String> roles, String grantee) {
        return !caller.id().equals(grantee) && caller.hasAnyRole(Set.copyOf(roles));
    }
}
