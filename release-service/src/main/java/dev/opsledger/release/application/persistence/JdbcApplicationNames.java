package dev.opsledger.release.application.persistence;

import dev.opsledger.release.application.command.ApplicationNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Name claims in {@code application_name}, in the registering command's transaction (ADR 003). */
@Component
class JdbcApplicationNames implements ApplicationNames {

    private final JdbcClient jdbc;

    JdbcApplicationNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String name, String applicationId) {
        // ON CONFLICT waits for a concurrent claim of the same name to commit, then reports 0 rows.
        return jdbc.sql("INSERT INTO application_name (name, application_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(name, applicationId)
                .update() == 1;
    }
}
