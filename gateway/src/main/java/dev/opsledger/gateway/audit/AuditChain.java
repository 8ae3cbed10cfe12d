package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.AuditEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/audit/chain/{correlationId}}: one story across services as a tree by causation.
 * An entry hangs under the entry whose event caused it ({@code causationId} = that entry's
 * {@code eventId}): a saga's step under the event it reacted to, a request's effect in another service
 * under the event that sent the request, an answer's effect under the answer. An entry whose cause is
 * not an entry of the chain (a person's command) is a root. Siblings and roots are in time order, as
 * {@code /api/audit} merges them.
 *
 * @param missing services that could not be read: the story may lack their steps
 */
public record AuditChain(String correlationId, int size, List<Node> roots, List<AuditAnswer.Missing> missing) {

    public record Node(AuditEntry entry, List<Node> causes) {
    }

    static AuditChain of(String correlationId, List<AuditEntry> entries, List<AuditAnswer.Missing> missing) {
        List<AuditEntry> ordered = entries.stream().sorted(AuditMerger.ORDER).toList();
        Set<String> ids = new HashSet<>();
        ordered.forEach(entry -> ids.add(entry.eventId()));
        Map<String, List<AuditEntry>> byCause = new HashMap<>();
        List<AuditEntry> roots = new ArrayList<>();
        for (AuditEntry entry : ordered) {
            String cause = entry.causationId();
            // An entry naming itself as its cause (a chain's first message) is a root too.
            if (cause != null && ids.contains(cause) && !cause.equals(entry.eventId())) {
                byCause.computeIfAbsent(cause, key -> new ArrayList<>()).add(entry);
            } else {
                roots.add(entry);
            }
        }
        return new AuditChain(correlationId, ordered.size(),
                roots.stream().map(root -> node(root, byCause, new HashSet<>())).toList(), missing);
    }

    private static Node node(AuditEntry entry, Map<String, List<AuditEntry>> byCause, Set<String> path) {
        // A cycle can't come from one event store, but ids from several services are only text.
        if (!path.add(entry.eventId())) {
            return new Node(entry, List.of());
        }
        List<Node> children = byCause.getOrDefault(entry.eventId(), List.of()).stream()
                .sorted(AuditMerger.ORDER)
                .map(child -> node(child, byCause, path))
                .toList();
        path.remove(entry.eventId());
        return new Node(entry, children);
    }

    /** Every entry of the tree, depth first, causes before their effects. */
    public List<AuditEntry> flatten() {
        List<AuditEntry> all = new ArrayList<>();
        roots.forEach(root -> collect(root, all));
        return all;
    }

    private static void collect(Node node, List<AuditEntry> all) {
        all.add(node.entry());
        node.causes().forEach(child -> collect(child, all));
    }
}
