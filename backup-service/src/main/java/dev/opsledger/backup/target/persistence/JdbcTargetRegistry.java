package dev.opsledger.backup.target.persistence;

import dev.opsledger.backup.driver.DirectoryRules;
import dev.opsledger.backup.target.command.TargetRegistry;
import dev.opsledger.platform.persistence.ClaimTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Target names claimed in {@code target_name} (ADR 003); directories checked on the file system. */
@Component
class JdbcTargetRegistry implements TargetRegistry {

    private final ClaimTable names;
    private final DirectoryRules directories;

    JdbcTargetRegistry(JdbcClient jdbc, DirectoryRules directories) {
        this.names = ClaimTable.of(jdbc, "target_name").keyedBy("name").heldBy("target_id");
        this.directories = directories;
    }

    @Override
    public boolean claimName(String name, String targetId) {
        return names.claim(targetId, name);
    }

    @Override
    public void checkDirectory(String path, String field) {
        directories.check(path, field);
    }
}
