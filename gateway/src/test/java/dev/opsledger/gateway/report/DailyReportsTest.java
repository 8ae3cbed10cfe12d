package dev.opsledger.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.opsledger.gateway.audit.AuditAnswer.Missing;

class DailyReportsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void givenNowInBerlin_whenWindowComputed_thenStartsAtYesterdaysLocalMidnight() {
        assertThat(DailyReports.startOfYesterday(NOW, BERLIN)).isEqualTo(Instant.parse("2026-11-28T23:00:00Z"));
    }

    @Test
    void givenLedgerAcrossDays_whenBuilt_thenOnlyYesterdayAndTodayNewestFirst_failuresApart_andFreezeOverridesNamed() {
        var ledger = List.of(
                json("{\"applicationName\":\"billing\",\"environment\":\"prod\",\"version\":\"2.0.0\",\"outcome\":\"DEPLOYED\",\"recordedAt\":\"2026-11-30T08:00:00Z\",\"promotionId\":\"p2\",\"recordedBy\":{\"name\":\"rm1\"}}"),
                json("{\"applicationName\":\"billing\",\"environment\":\"qa\",\"version\":\"1.9.0\",\"outcome\":\"DEPLOYED\",\"recordedAt\":\"2026-11-29T10:00:00Z\",\"promotionId\":\"p1\"}"),
                json("{\"applicationName\":\"shop\",\"environment\":\"qa\",\"version\":\"5.0.0\",\"outcome\":\"FAILED\",\"recordedAt\":\"2026-11-29T12:00:00Z\",\"detail\":\"health check\"}"),
                json("{\"applicationName\":\"shop\",\"environment\":\"qa\",\"version\":\"4.0.0\",\"outcome\":\"FAILED\",\"recordedAt\":\"2026-11-28T22:59:59Z\"}"));
        var promotions = Map.of("p2", json("{\"freezeOverridden\":true}"), "p1", json("{\"freezeOverridden\":false}"));

        var report = DailyReports.build(NOW, BERLIN, ledger, promotions, null, List.of(), List.of(), Map.of(), List.of());

        assertThat(report.deployments().succeeded()).extracting(d -> d.version()).containsExactly("2.0.0", "1.9.0");
        assertThat(report.deployments().failed()).extracting(d -> d.version() + ":" + d.detail()).containsExactly("5.0.0:health check");
        assertThat(report.approvals().freezeOverrides()).extracting(d -> d.version()).containsExactly("2.0.0");
        assertThat(report.deployments().succeeded().getFirst().recordedBy()).isEqualTo("rm1");
        assertThat(report.notChecked()).isNotEmpty();
    }

    @Test
    void givenSufficiencyGrantsRunsAndPending_whenBuilt_thenEachProblemListed_andMissingServicesKept() {
        var sufficiency = json("{\"entries\":[{\"name\":\"db\",\"state\":\"BREACHED\",\"verificationOverdue\":true},"
                + "{\"name\":\"files\",\"state\":\"AT_RISK\"},{\"name\":\"wiki\",\"state\":\"UNPROTECTED\"},{\"name\":\"ok\",\"state\":\"COMPLIANT\"}]}");
        var grants = List.of(
                json("{\"grantId\":\"g1\",\"breakGlass\":true,\"userName\":\"dev1\",\"targetName\":\"prod-db\",\"openedAt\":\"2026-11-30T01:00:00Z\",\"reviewStatus\":\"PENDING\",\"reviewDeadline\":\"2026-11-30T08:00:00Z\"}"),
                json("{\"grantId\":\"g2\",\"breakGlass\":true,\"openedAt\":\"2026-11-20T01:00:00Z\",\"reviewStatus\":\"REVIEWED\",\"reviewDeadline\":\"2026-11-21T08:00:00Z\"}"),
                json("{\"grantId\":\"g3\",\"breakGlass\":false,\"openedAt\":\"2026-11-30T01:00:00Z\"}"));
        var runs = List.of(
                json("{\"runId\":\"r1\",\"taskId\":\"deploy\",\"status\":\"FAILED\",\"finishedAt\":\"2026-11-30T07:00:00Z\",\"detail\":\"exit 2\"}"),
                json("{\"runId\":\"r0\",\"taskId\":\"deploy\",\"status\":\"FAILED\",\"finishedAt\":\"2026-11-01T07:00:00Z\"}"));
        var pending = Map.of(
                "promotion", List.of(json("{\"promotionId\":\"p9\",\"version\":\"3.0.0\",\"environment\":\"prod\",\"requestedBy\":{\"name\":\"dev1\"},\"approvalDeadline\":\"2026-11-30T10:00:00Z\"}"),
                        json("{\"promotionId\":\"p8\",\"approvalDeadline\":\"2026-12-02T10:00:00Z\"}")),
                "access", List.of(json("{\"requestId\":\"a1\",\"resourceName\":\"prod-db\",\"requesterName\":\"dev2\",\"deadline\":\"2026-11-30T12:00:00Z\"}")));

        var report = DailyReports.build(NOW, BERLIN, List.of(), Map.of(), sufficiency, grants, runs, pending,
                List.of(new Missing("release", "answered HTTP 403")));

        assertThat(report.backups().breached()).containsExactly("db");
        assertThat(report.backups().atRisk()).containsExactly("files");
        assertThat(report.backups().unprotected()).containsExactly("wiki");
        assertThat(report.backups().restoreTestsOverdue()).containsExactly("db");
        assertThat(report.approvals().breakGlass()).extracting(g -> g.grantId()).containsExactly("g1");
        assertThat(report.waiting().breakGlassReviewsOverdue()).extracting(g -> g.grantId()).containsExactly("g1");
        assertThat(report.waiting().approvalsNearDeadline()).extracting(p -> p.kind() + ":" + p.id() + ":" + p.requestedBy())
                .containsExactly("promotion:p9:dev1", "access:a1:dev2");
        assertThat(report.automation().failedRuns()).extracting(r -> r.runId()).containsExactly("r1");
        assertThat(report.missing()).containsExactly(new Missing("release", "answered HTTP 403"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
