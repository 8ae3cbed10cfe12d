package dev.opsledger.backup.target.command;

/**
 * What registering a target needs beyond the aggregate: a unique name across targets (a claim
 * written in the command's transaction, ADR 003) and the file-system rules for directories.
 */
public interface TargetRegistry {

    /** @return whether {@code targetId} now holds {@code name}; false when another target has it */
    boolean claimName(String name, String targetId);

    /**
     * Refuses a directory outside the allowed roots, one reached through a symlink that leaves its
     * root, and the backup repository itself or anything inside it, with a violation naming the field.
     */
    void checkDirectory(String path, String field);
}
