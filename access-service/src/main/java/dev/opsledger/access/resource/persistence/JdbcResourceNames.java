package dev.opsledger.access.resource.persistence;

import dev.opsledger.access.resource.command.ResourceNames;
import dev.opsledger.platform.persistence.ClaimTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resource names are unique: {@code resource_name}, claimed in the registering command's transaction. */
@Component
class JdbcResourceNames implements ResourceNames {

    private final ClaimTable names;

    JdbcResourceNames(JdbcClient jdbc) {
        this.names = ClaimTable.of(jdbc, "resource_name").keyedBy("name").heldBy("resource_id");
    }

    @Override
    public boolean claim(String name, String resourceId) {
        return names.claim(resourceId, name);
    }
}
