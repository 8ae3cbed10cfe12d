package dev.opsledger.gateway.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.opsledger.gateway.audit.AuditAnswer.Missing;
import dev.opsledger.gateway.report.DailyReport.Deployment;
import dev.opsledger.gateway.report.DailyReport.Grant;
import dev.opsledger.gateway.report.DailyReport.Pending;
import dev.opsledger.gateway.report.DailyReport.Run;

/** The report's rules, apart from the fetching so they can be tested on plain JSON. */
public final class DailyReports {

    /** An approval this close to its deadline is "waiting too long". */
    public static final Duration NEAR_DEADLINE = Duration.ofHours(4);
    static final Set<String> FAILED_RUN = Set.of("FAILED", "TIMED_OUT", "INTERRUPTED");
    static final List<String> NOT_CHECKED = List.of(
            "approval quorum changed after a deployment was approved: no service API exposes policy changes per promotion yet");

    private DailyReports() {
    }

    /** Midnight at the start of yesterday in the caller's zone. */
    public static Instant startOfYesterday(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).minusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param ledger      deployment ledger entries, each with an {@code applicationName} added
     * @param promotions  the promotion behind each ledger entry, by id (for freeze overrides)
     * @param sufficiency the backup sufficiency report, or null when not available
     * @param pending     the caller's pending items per kind (promotion, restore, access, task-run)
     */
    public static DailyReport build(Instant now, ZoneId zone, List<JsonNode> ledger, Map<String, JsonNode> promotions,
                                    JsonNode sufficiency, List<JsonNode> grants, List<JsonNode> runs,
                                    Map<String, List<JsonNode>> pending, List<Missing> missing) {
        Instant from = startOfYesterday(now, zone);
        List<Deployment> succeeded = new ArrayList<>();
        List<Deployment> failed = new ArrayList<>();
        List<Deployment> overridden = new ArrayList<>();
        for (JsonNode entry : ledger) {
            Instant at = instant(entry.path("recordedAt"));
            if (at == null || at.isBefore(from)) {
                continue;
            }
            Deployment deployment = new Deployment(entry.path("applicationName").asString(""),
                    entry.path("environment").asString(""), entry.path("version").asString(""),
                    entry.path("outcome").asString(""), at, entry.path("recordedBy").path("name").asString(null),
                    entry.path("detail").asString(null), entry.path("promotionId").asString(null),
                    entry.path("releaseId").asString(null));
            (deployment.outcome().equals("DEPLOYED") ? succeeded : failed).add(deployment);
            JsonNode promotion = deployment.promotionId() == null ? null : promotions.get(deployment.promotionId());
            if (promotion != null && promotion.path("freezeOverridden").asBoolean(false)) {
                overridden.add(deployment);
            }
        }
        Comparator<Deployment> newestFirst = Comparator.comparing(Deployment::recordedAt).reversed();
        succeeded.sort(newestFirst);
        failed.sort(newestFirst);

        List<Grant> breakGlass = new ArrayList<>();
        List<Grant> reviewsOverdue = new ArrayList<>();
        for (JsonNode g : grants) {
            if (!g.path("breakGlass").asBoolean(false)) {
                continue;
            }
            Grant grant = new Grant(g.path("grantId").asString(""), g.path("userName").asString(""),
                    g.path("targetName").asString(""), g.path("status").asString(""), instant(g.path("openedAt")),
                    g.path("reviewStatus").asString(null), instant(g.path("reviewDeadline")),
                    g.path("justification").asString(null));
            if (grant.openedAt() != null && !grant.openedAt().isBefore(from)) {
                breakGlass.add(grant);
            }
            boolean reviewed = grant.reviewStatus() != null && !grant.reviewStatus().equals("PENDING");
            if (!reviewed && grant.reviewDeadline() != null && grant.reviewDeadline().isBefore(now)) {
                reviewsOverdue.add(grant);
            }
        }

        List<String> breached = new ArrayList<>();
        List<String> atRisk = new ArrayList<>();
        List<String> unprotected = new ArrayList<>();
        List<String> restoreOverdue = new ArrayList<>();
        if (sufficiency != null) {
            for (JsonNode target : sufficiency.path("entries")) {
                String name = target.path("name").asString("");
                switch (target.path("state").asString("")) {
                    case "BREACHED" -> breached.add(name);
                    case "AT_RISK" -> atRisk.add(name);
                    case "UNPROTECTED" -> unprotected.add(name);
                    default -> { }
                }
                if (target.path("verificationOverdue").asBoolean(false)) {
                    restoreOverdue.add(name);
                }
            }
        }

        List<Pending> nearDeadline = new ArrayList<>();
        pending.forEach((kind, items) -> items.forEach(item -> {
            Instant deadline = instant(item.has("deadline") ? item.path("deadline") : item.path("approvalDeadline"));
            if (deadline != null && deadline.isBefore(now.plus(NEAR_DEADLINE))) {
                nearDeadline.add(new Pending(kind, id(kind, item), what(kind, item), requester(item), deadline));
            }
        }));
        nearDeadline.sort(Comparator.comparing(Pending::deadline));

        List<Run> failedRuns = new ArrayList<>();
        for (JsonNode r : runs) {
            Instant finished = instant(r.path("finishedAt"));
            Instant when = finished != null ? finished : instant(r.path("updatedAt"));
            if (FAILED_RUN.contains(r.path("status").asString("")) && when != null && !when.isBefore(from)) {
                failedRuns.add(new Run(r.path("runId").asString(""), r.path("taskId").asString(""),
                        r.path("status").asString(""), when, r.path("detail").asString(null)));
            }
        }
        failedRuns.sort(Comparator.comparing(Run::finishedAt).reversed());

        return new DailyReport(from, now, zone.getId(),
                new DailyReport.Deployments(succeeded, failed),
                new DailyReport.Approvals(overridden, breakGlass),
                new DailyReport.Backups(breached, atRisk, unprotected, restoreOverdue),
                new DailyReport.Waiting(nearDeadline, reviewsOverdue),
                new DailyReport.Automation(failedRuns),
                List.copyOf(missing), NOT_CHECKED);
    }

    private static String id(String kind, JsonNode item) {
        return switch (kind) {
            case "promotion" -> item.path("promotionId").asString("");
            case "restore" -> item.path("restoreId").asString("");
            case "access" -> item.path("requestId").asString("");
            default -> item.path("runId").asString("");
        };
    }

    private static String what(String kind, JsonNode item) {
        return switch (kind) {
            case "promotion" -> item.path("version").asString("") + " to " + item.path("environment").asString("");
            case "restore" -> "restore of run " + item.path("runId").asString("");
            case "access" -> "access to " + item.path("resourceName").asString("");
            default -> "run of task " + item.path("taskId").asString("");
        };
    }

    private static String requester(JsonNode item) {
        for (String field : List.of("requestedByName", "requesterName")) {
            if (item.hasNonNull(field)) {
                return item.path(field).asString();
            }
        }
        return item.path("requestedBy").path("name").asString(null);
    }

    private static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.asString("").isBlank()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
