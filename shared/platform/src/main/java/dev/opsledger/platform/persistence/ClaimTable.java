package dev.opsledger.platform.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A uniqueness rule across aggregates (ADR 003): a table whose primary key is what must be
 * unique (a name, a version per application, one active promotion per environment) and one
 * column naming the aggregate that holds it. Claimed inside the command's transaction, so the
 * claim and the event commit or roll back together.
 *
 * <p>{@code INSERT … ON CONFLICT DO NOTHING} waits for a concurrent claim of the same key to
 * commit, then reports 0 rows: exactly one of two racing commands wins.
 */
public final class ClaimTable {

    private final JdbcClient jdbc;
    private final String table;
    private final List<String> keyColumns;
    private final String holderColumn;

    private ClaimTable(JdbcClient jdbc, String table, List<String> keyColumns, String holderColumn) {
        this.jdbc = jdbc;
        this.table = SqlIdentifiers.plain(table);
        this.keyColumns = keyColumns.stream().map(SqlIdentifiers::plain).toList();
        this.holderColumn = SqlIdentifiers.plain(holderColumn);
    }

    /** {@code ClaimTable.of(jdbc, "release_version").keyedBy("application_id", "version").heldBy("release_id")}. */
    public static Builder of(JdbcClient jdbc, String table) {
        return new Builder(jdbc, table);
    }

    /** @return whether this holder now holds the key; false when another holds it already */
    public boolean claim(String holder, Object... key) {
        if (key.length != keyColumns.size()) {
            throw new IllegalArgumentException(table + " is keyed by " + keyColumns);
        }
        List<Object> params = new ArrayList<>(List.of(key));
        params.add(holder);
        String columns = String.join(", ", keyColumns) + ", " + holderColumn;
        String placeholders = String.join(", ", Collections.nCopies(params.size(), "?"));
        return jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT DO NOTHING")
                .params(params)
                .update() == 1;
    }

    /** Frees every key the holder holds, e.g. when a promotion ends. */
    public void release(String holder) {
        jdbc.sql("DELETE FROM " + table + " WHERE " + holderColumn + " = ?").param(holder).update();
    }

    /** Whether anything is held by {@code holder}: a claim is as current as the event store. */
    public boolean holds(String holder) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + holderColumn + " = ?)")
                .param(holder)
                .query(Boolean.class)
                .single();
    }

    public static final class Builder {
        private final JdbcClient jdbc;
        private final String table;
        private List<String> keyColumns = List.of();

        private Builder(JdbcClient jdbc, String table) {
            this.jdbc = jdbc;
            this.table = table;
        }

        public Builder keyedBy(String... columns) {
            this.keyColumns = List.of(columns);
            return this;
        }

        public ClaimTable heldBy(String holderColumn) {
            return new ClaimTable(jdbc, table, keyColumns, holderColumn);
        }
    }
}
