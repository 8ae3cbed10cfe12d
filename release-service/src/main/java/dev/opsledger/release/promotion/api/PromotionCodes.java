package dev.opsledger.release.promotion.api;

/**
 * The stable codes of the promotion rules, as problem details carry them: the aggregate raises
 * them, controllers and OpenAPI name them, tests assert them. One constant per code.
 */
public final class PromotionCodes {

    public static final String NOT_FOUND = "promotion.not-found";
    public static final String OUT_OF_ORDER = "promotion.out-of-order";
    public static final String ALREADY_ACTIVE = "promotion.already-active";
    public static final String FROZEN = "promotion.frozen";
    public static final String OUTSIDE_WINDOW = "promotion.outside-window";
    public static final String WRONG_STATE = "promotion.wrong-state";
    public static final String ROLE_NOT_ALLOWED = "promotion.role-not-allowed";
    public static final String REASON_REQUIRED = "promotion.reason-required";
    public static final String NOT_FROZEN = "promotion.not-frozen";
    public static final String FREEZE_ALREADY_OVERRIDDEN = "promotion.freeze-already-overridden";
    public static final String ROLLBACK_NOT_CURRENT = "promotion.rollback-not-current";
    public static final String NOTHING_TO_ROLL_BACK_TO = "promotion.nothing-to-roll-back-to";
    /** A release manager may not record the result of a deployment the environment's task carries out. */
    public static final String DEPLOYED_BY_TASK = "promotion.deployed-by-task";
    /** The reason of a promotion whose deploy task never answered within the result timeout. */
    public static final String DEPLOY_ANSWER_MISSING = "deploy-answer-missing";
    /** The reason of a promotion whose pre-deploy backup never answered within the result timeout. */
    public static final String BACKUP_ANSWER_MISSING = "backup-answer-missing";

    private PromotionCodes() {
    }
}
