package dev.opsledger.release.promotion.api;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The promotion asked automation-service to run the environment's deploy task (sent as
 * {@code run-task}, with the request id as idempotency key).
 *
 * @param parameters application, environment, version, commit, artifact and promotion id, by name
 */
@Revision("1")
public record PromotionDeployTaskRequested(String promotionId, PromotionTarget target, String requestId,
                                           String deployTaskRef, Map<String, String> parameters,
                                           String requestedBy) {
}
