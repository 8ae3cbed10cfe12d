package dev.opsledger.access.resource.reconcile;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles every Keycloak resource periodically ({@code opsledger.access.reconcile-every}). On
 * several instances each runs it; the resource aggregate reports a change once whoever finds it.
 */
@Component
class DriftTicker {

    private final DriftReconciler reconciler;

    DriftTicker(DriftReconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(fixedDelayString = "${opsledger.access.reconcile-every:PT5M}",
            initialDelayString = "${opsledger.access.reconcile-every:PT5M}")
    void tick() {
        reconciler.reconcileAll();
    }
}
