import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { fakeFetch } from "../test-support";
import { TodayPage, type DailyReport } from "./Today";

afterEach(cleanup);

const empty: DailyReport = {
  from: "2026-11-29T00:00:00Z", to: "2026-11-30T09:00:00Z", zone: "UTC",
  deployments: { succeeded: [], failed: [] }, approvals: { freezeOverrides: [], breakGlass: [] },
  backups: { breached: [], atRisk: [], unprotected: [], restoreTestsOverdue: [] },
  waiting: { approvalsNearDeadline: [], breakGlassReviewsOverdue: [] }, automation: { failedRuns: [] },
  missing: [], notChecked: [],
};

it("givenFailedDeploymentBreachAndMissingService_whenShown_thenEachCheckSaysLookWithTheReasons", async () => {
  const calls = fakeFetch({
    "GET /api/daily-report": { body: { ...empty,
      deployments: { succeeded: [], failed: [{ application: "shop", environment: "qa", version: "5.0.0", outcome: "FAILED", recordedAt: "2026-11-29T12:00:00Z", detail: "health check" }] },
      backups: { breached: ["db"], atRisk: [], unprotected: ["wiki"], restoreTestsOverdue: [] },
      missing: [{ service: "automation", reason: "unreachable" }] } },
  });
  render(<TodayPage />);

  const checks = await screen.findAllByTestId("check");
  expect(checks.map((c) => c.querySelector("h2")!.textContent)).toEqual([
    "Did yesterday's and today's deployments succeed? look",
    "Was every deployment properly approved? ok",
    "Is every backup sufficient? look",
    "Is anything waiting too long? ok",
    "Did any automation run fail? ok",
  ]);
  expect(checks[0].textContent).toContain("shop 5.0.0 → qa");
  expect(checks[0].textContent).toContain("health check");
  expect(checks[2].textContent).toContain("RPO breached: db");
  expect(checks[2].textContent).toContain("No policy: wiki");
  expect(screen.getByRole("alert").textContent).toContain("automation could not be asked (unreachable)");
  expect(calls[0].path).toMatch(/^\/api\/daily-report\?zone=/);
});
