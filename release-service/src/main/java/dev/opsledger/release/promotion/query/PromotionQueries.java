package dev.opsledger.release.promotion.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.contracts.Person;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.approval.ApprovalDecision;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.approval.ApprovalStatus;
import dev.opsledger.platform.approval.Approvals;
import dev.opsledger.release.promotion.api.PromotionStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code promotion_view}. */
@Component
public class PromotionQueries {

    private static final String SELECT = "SELECT * FROM promotion_view";
    private static final String[] ACTIVE =
            PromotionStatus.active().stream().map(PromotionStatus::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    PromotionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PromotionView> find(String promotionId) {
        return jdbc.sql(SELECT + " WHERE promotion_id = ?").param(promotionId).query(PromotionQueries::view)
                .optional();
    }

    public List<PromotionView> ofRelease(String releaseId) {
        return jdbc.sql(SELECT + " WHERE release_id = ? ORDER BY requested_at, promotion_id").param(releaseId)
                .query(PromotionQueries::view).list();
    }

    /** Promotions still open in {@code applicationId}, by environment. */
    public List<PromotionView> activeIn(String applicationId) {
        return jdbc.sql(SELECT + " WHERE application_id = ? AND status = ANY(?) ORDER BY requested_at")
                .params(applicationId, ACTIVE)
                .query(PromotionQueries::view).list();
    }

    /**
     * Promotions {@code caller} could approve at {@code now}, judged by the same {@link Approvals}
     * rules the aggregate applies (role, four eyes, deadline, one vote each), so the list never
     * offers what the aggregate would refuse.
     */
    public List<PromotionView> pendingFor(Actor caller, Instant now) {
        return jdbc.sql(SELECT + " WHERE status = ? ORDER BY approval_deadline, promotion_id")
                .param(PromotionStatus.AWAITING_APPROVAL.name())
                .query(PromotionQueries::view).list().stream()
                .filter(view -> approvalsOf(view).mayBeDecidedBy(caller, now))
                .toList();
    }

    private static Approvals approvalsOf(PromotionView view) {
        var policy = new ApprovalPolicy(view.requiredApprovals(), Set.copyOf(view.approverRoles()), view.fourEyes(),
                // Only positivity matters here: the deadline is already fixed in the view.
                Duration.ofSeconds(1));
        List<ApprovalDecision> decisions = view.approvedBy().stream()
                .map(approver -> new ApprovalDecision(approver.id(), approver.name(), true, null, view.updatedAt()))
                .toList();
        return new Approvals(policy, view.requestedBy().id(), view.approvalDeadline(), decisions,
                ApprovalStatus.PENDING);
    }

    private static PromotionView view(ResultSet row, int rowNumber) throws SQLException {
        return new PromotionView(row.getString("promotion_id"), row.getString("application_id"),
                row.getString("release_id"), row.getString("version"), row.getString("environment"),
                row.getString("status"), row.getInt("lifecycle_version"),
                new Person(row.getString("requested_by_id"), row.getString("requested_by_name")),
                instant(row.getTimestamp("requested_at")),
                row.getString("rollback_of"), row.getString("reason"),
                (Integer) row.getObject("required_approvals"), strings(row.getArray("approver_roles")),
                (Boolean) row.getObject("four_eyes"), instant(row.getTimestamp("approval_deadline")),
                people(row.getArray("approved_by"), row.getArray("approved_by_names")),
                instant(row.getTimestamp("waiting_until")), row.getString("wait_reason"),
                row.getBoolean("freeze_overridden"), Person.orNull(row.getString("outcome_by_id"),
                row.getString("outcome_by")), row.getString("outcome_detail"), instant(row.getTimestamp("updated_at")),
                row.getString("backup_run_id"), row.getString("backup_sha256"), row.getString("deploy_run_id"));
    }

    /** The two arrays are appended together, one approver at a time, so they pair up by position. */
    private static List<Person> people(Array ids, Array names) throws SQLException {
        List<String> idList = strings(ids);
        List<String> nameList = strings(names);
        return IntStream.range(0, idList.size()).mapToObj(i -> new Person(idList.get(i), nameList.get(i))).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
