package dev.opsledger.release.environment.query;

import dev.opsledger.contracts.Person;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.query.ApplicationQueries;
import dev.opsledger.release.application.query.ApplicationView;
import dev.opsledger.release.promotion.query.PromotionQueries;
import dev.opsledger.release.promotion.query.PromotionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The environment board and the deployment ledger. */
@Component
public class EnvironmentQueries {

    private final JdbcClient jdbc;
    private final ApplicationQueries applications;
    private final PromotionQueries promotions;

    EnvironmentQueries(JdbcClient jdbc, ApplicationQueries applications, PromotionQueries promotions) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.promotions = promotions;
    }

    public Optional<BoardView> board(String applicationId) {
        return applications.find(applicationId).map(this::board);
    }

    private BoardView board(ApplicationView application) {
        Map<String, BoardView.Deployed> running = jdbc.sql(
                        "SELECT * FROM environment_board WHERE application_id = ?")
                .param(application.applicationId())
                .query((row, n) -> Map.entry(row.getString("environment"), new BoardView.Deployed(
                        row.getString("release_id"), row.getString("version"), row.getString("promotion_id"),
                        row.getTimestamp("deployed_at").toInstant())))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, PromotionView> incoming = promotions.activeIn(application.applicationId()).stream()
                .collect(Collectors.toMap(PromotionView::environment, Function.identity(), (first, second) -> first));
        Map<String, BoardView.Slot> slots = new LinkedHashMap<>();
        for (EnvironmentRules environment : application.environments()) {
            slots.put(environment.name(), new BoardView.Slot(environment.name(), running.get(environment.name()),
                    incoming.get(environment.name())));
        }
        running.forEach((environment, deployed) -> slots.putIfAbsent(environment,
                new BoardView.Slot(environment, deployed, incoming.get(environment))));
        return new BoardView(application.applicationId(), application.lifecycleVersion(),
                new ArrayList<>(slots.values()));
    }

    /**
     * Deployment outcomes, newest first, {@code limit} at a time. Every outcome is kept; the
     * cursor is the last {@code entryId} seen, so pages stay stable while new entries arrive.
     */
    public List<LedgerEntry> ledger(String applicationId, String environment, Long before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM deployment_ledger
                        WHERE application_id = ? AND (CAST(? AS TEXT) IS NULL OR environment = ?)
                          AND (CAST(? AS BIGINT) IS NULL OR entry_id < ?)
                        ORDER BY entry_id DESC LIMIT ?""")
                .params(applicationId, environment, environment, before, before, limit)
                .query(EnvironmentQueries::entry).list();
    }

    private static LedgerEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerEntry(row.getLong("entry_id"), row.getString("application_id"), row.getString("environment"),
                row.getString("promotion_id"), row.getString("release_id"), row.getString("version"),
                row.getString("outcome"), Person.orNull(row.getString("recorded_by_id"), row.getString("recorded_by")),
                row.getString("detail"),
                row.getString("rollback_of"), row.getTimestamp("recorded_at").toInstant());
    }
}
