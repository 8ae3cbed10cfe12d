package dev.opsledger.backup.restore.api;

import java.util.Objects;

/**
 * @param name the new database (for {@code NEW_DATABASE}) or the absolute new folder (for
 *             {@code NEW_DIRECTORY}); {@code null} for {@code ORIGINAL}
 */
public record RestoreDestination(DestinationKind kind, String name) {

    public RestoreDestination {
        Objects.requireNonNull(kind, "kind");
    }

    public static RestoreDestination original() {
        return new RestoreDestination(DestinationKind.ORIGINAL, null);
    }

    public boolean isOriginal() {
        return kind == DestinationKind.ORIGINAL;
    }
}
