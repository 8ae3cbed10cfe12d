package dev.opsledger.contracts;

import dev.opsledger.contracts.automation.RunTask;
import dev.opsledger.contracts.backup.TakeBackup;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every request one OpsLedger service may send another, and who may send it ({@link SentBy}). The
 * broker's ACLs are derived from this list, so it must name every request record of this jar;
 * {@code RequestsTest} fails when one is missing.
 */
public final class Requests {

    /** Every request record of {@code shared/contracts}. */
    public static final List<Class<? extends IntegrationRequest>> ALL = List.of(TakeBackup.class, RunTask.class);

    private Requests() {
    }

    /** The services allowed to send a request record: its {@link SentBy}, or none without it. */
    public static Set<OpsLedgerService> sendersOf(Class<? extends IntegrationRequest> requestType) {
        SentBy sentBy = requestType.getAnnotation(SentBy.class);
        if (sentBy == null || sentBy.value().length == 0) {
            return Set.of();
        }
        return Set.copyOf(EnumSet.copyOf(Arrays.asList(sentBy.value())));
    }

    /** The service a request is addressed to: its {@link MessageType}'s. */
    public static OpsLedgerService receiverOf(Class<? extends IntegrationRequest> requestType) {
        MessageType type = requestType.getAnnotation(MessageType.class);
        if (type == null) {
            throw new IllegalArgumentException(requestType.getName() + " is not annotated with @MessageType");
        }
        return type.service();
    }

    /** The services whose requests topics {@code sender} writes to, from {@link #ALL}. */
    public static Set<OpsLedgerService> receiversOf(OpsLedgerService sender) {
        return ALL.stream()
                .filter(request -> sendersOf(request).contains(sender))
                .map(Requests::receiverOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OpsLedgerService.class)));
    }
}
