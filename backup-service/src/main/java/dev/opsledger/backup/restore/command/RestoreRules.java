package dev.opsledger.backup.restore.command;

import dev.opsledger.backup.restore.api.DestinationKind;
import dev.opsledger.backup.restore.api.RestoreDestination;
import dev.opsledger.backup.run.api.RunStatus;
import dev.opsledger.backup.run.api.Verification;
import dev.opsledger.backup.run.command.RestorableRun;
import dev.opsledger.backup.target.api.DirectoryPath;
import dev.opsledger.backup.target.api.TargetKind;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.Map;
import java.util.regex.Pattern;

/** Which runs may be restored, and where to. */
final class RestoreRules {

    static final String RUN_EXPIRED = "restore.run-expired";
    static final String RUN_NOT_RESTORABLE = "restore.run-not-restorable";
    static final String BAD_DESTINATION = "restore.invalid-destination";

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private RestoreRules() {
    }

    static void check(RestorableRun run, RestoreDestination destination, RestoreContext context) {
        if (run.expired()) {
            throw BusinessRuleViolation.conflict(RUN_EXPIRED, "Backup " + run.runId() + " has expired: its file is gone");
        }
        if (run.status() != RunStatus.SUCCEEDED || run.verification() == Verification.FAILED) {
            throw BusinessRuleViolation.conflict(RUN_NOT_RESTORABLE, "Backup " + run.runId() + " is " + run.status()
                    + (run.verification() == Verification.FAILED ? " and failed verification" : "")
                    + ": only a good backup is restored");
        }
        TargetKind kind = run.job().location().kind();
        DestinationKind wanted = destination.kind();
        if (wanted == DestinationKind.NEW_DATABASE) {
            require(kind == TargetKind.POSTGRESQL, "A new database is a destination for PostgreSQL backups only");
            require(destination.name() != null && DATABASE.matcher(destination.name()).matches(),
                    "The new database needs a plain name (letters, digits, underscore)");
            require(!destination.name().equals(run.job().location().postgres().database()),
                    "A new database must differ from the original; restore to ORIGINAL instead");
        } else if (wanted == DestinationKind.NEW_DIRECTORY) {
            require(kind == TargetKind.DIRECTORY, "A new folder is a destination for directory backups only");
            DirectoryPath.check(destination.name(), "destination.name");
            context.checkNewDirectory(destination.name());
        } else {
            require(destination.name() == null, "A restore to the original target names no destination");
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, BAD_DESTINATION, message,
                    Map.of("field", "destination"));
        }
    }
}
