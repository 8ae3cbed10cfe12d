package dev.opsledger.release.application.persistence;

import dev.opsledger.platform.persistence.ClaimTable;
import dev.opsledger.release.application.command.ApplicationNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Name claims in {@code application_name}, in the registering command's transaction (ADR 003). */
@Component
class JdbcApplicationNames implements ApplicationNames {

    private final ClaimTable names;

    JdbcApplicationNames(JdbcClient jdbc) {
        this.names = ClaimTable.of(jdbc, "application_name").keyedBy("name").heldBy("application_id");
    }

    @Override
    public boolean claim(String name, String applicationId) {
        return names.claim(applicationId, name);
    }
}
