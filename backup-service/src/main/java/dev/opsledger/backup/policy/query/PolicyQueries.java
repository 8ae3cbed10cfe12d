package dev.opsledger.backup.policy.query;

import static dev.opsledger.platform.query.Projections.instant;

import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@code policy_view}. */
@Component
public class PolicyQueries {

    private final JdbcClient jdbc;

    PolicyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PolicyView> find(String policyId) {
        return jdbc.sql("SELECT * FROM policy_view WHERE policy_id = ?").param(policyId).query(PolicyQueries::view)
                .optional();
    }

    public Optional<PolicyView> ofTarget(String targetId) {
        return jdbc.sql("SELECT * FROM policy_view WHERE target_id = ?").param(targetId).query(PolicyQueries::view)
                .optional();
    }

    public List<PolicyView> all() {
        return jdbc.sql("SELECT * FROM policy_view ORDER BY policy_id").query(PolicyQueries::view).list();
    }

    public Page<PolicyView> page(int limit, String cursorText) {
        Cursor cursor = Cursor.decode(cursorText, 1);
        List<PolicyView> rows = cursor == null
                ? jdbc.sql("SELECT * FROM policy_view ORDER BY policy_id LIMIT ?").param(limit + 1)
                        .query(PolicyQueries::view).list()
                : jdbc.sql("SELECT * FROM policy_view WHERE policy_id > ? ORDER BY policy_id LIMIT ?")
                        .params(cursor.text(0), limit + 1).query(PolicyQueries::view).list();
        return Page.of(rows, limit, view -> Cursor.of(view.policyId()));
    }

    private static PolicyView view(ResultSet row, int rowNumber) throws SQLException {
        return new PolicyView(row.getString("policy_id"), row.getString("target_id"), row.getInt("version"),
                row.getString("cron"), row.getString("zone"), row.getInt("keep_last"), row.getInt("keep_daily"),
                row.getInt("keep_weekly"), row.getInt("keep_monthly"), Duration.ofSeconds(row.getLong("rpo_s")),
                row.getString("verification_cron"), row.getString("verification_zone"),
                row.getInt("required_approvals"), Arrays.asList((String[]) row.getArray("approver_roles").getArray()),
                row.getBoolean("four_eyes"), Duration.ofSeconds(row.getLong("decision_timeout_s")),
                row.getBoolean("serves_pre_deploy"), row.getString("missed_runs"),
                Duration.ofSeconds(row.getLong("run_timeout_s")), row.getString("verification_check"),
                instant(row.getTimestamp("defined_at")), instant(row.getTimestamp("updated_at")));
    }
}
