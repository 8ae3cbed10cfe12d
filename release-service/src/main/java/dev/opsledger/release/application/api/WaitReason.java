package dev.opsledger.release.application.api;

/** Why a deployment cannot start at once. */
public enum WaitReason {
    NONE,
    OUTSIDE_WINDOW,
    FROZEN
}
