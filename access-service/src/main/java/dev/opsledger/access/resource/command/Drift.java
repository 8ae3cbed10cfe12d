package dev.opsledger.access.resource.command;

import dev.opsledger.access.resource.api.DriftKind;
import java.util.Set;
import java.util.TreeSet;

/**
 * The disagreements between Keycloak and the grants a resource knows of, so each is reported once
 * when it appears and once when it goes, however often the reconciliation runs.
 */
record Drift(Set<String> unmanaged, Set<String> missing) {

    static final Drift NONE = new Drift(Set.of(), Set.of());

    Set<String> known(DriftKind kind) {
        return kind == DriftKind.UNMANAGED_MEMBER ? unmanaged : missing;
    }

    /** Found now and not known before, in a stable order. */
    static Set<String> appeared(Set<String> found, Set<String> known) {
        var appeared = new TreeSet<>(found);
        appeared.removeAll(known);
        return appeared;
    }

    Drift with(DriftKind kind, String userId, boolean present) {
        var changed = new TreeSet<>(known(kind));
        if (present) {
            changed.add(userId);
        } else {
            changed.remove(userId);
        }
        return kind == DriftKind.UNMANAGED_MEMBER ? new Drift(Set.copyOf(changed), missing)
                : new Drift(unmanaged, Set.copyOf(changed));
    }
}
