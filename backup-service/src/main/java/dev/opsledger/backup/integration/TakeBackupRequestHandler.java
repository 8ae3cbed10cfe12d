package dev.opsledger.backup.integration;

import dev.opsledger.backup.run.api.RequestPreDeployBackup;
import dev.opsledger.contracts.backup.TakeBackup;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.kafka.IntegrationRequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Another service's {@link TakeBackup} becomes a pre-deploy run whose id is derived from the request
 * id: the same request, however often it arrives, is one run and one answer. A policy that does not
 * serve such requests refuses it ({@code backup-policy.not-pre-deploy}), which the platform answers
 * as {@code request-failed}.
 */
@Component
class TakeBackupRequestHandler implements IntegrationRequestHandler<TakeBackup> {

    @Override
    public Class<TakeBackup> requestType() {
        return TakeBackup.class;
    }

    @Override
    public Object toCommand(TakeBackup request) {
        Actor requester = request.requestedBy() == null || request.requestedBy().isBlank()
                ? Actor.system("backup-requests") : new Actor(request.requestedBy(), request.requestedBy(), null);
        return new RequestPreDeployBackup(runIdFor(request.requestId()), request.policyId(), request.requestId(),
                requester);
    }

    static String runIdFor(String requestId) {
        return UUID.nameUUIDFromBytes(("take-backup:" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
