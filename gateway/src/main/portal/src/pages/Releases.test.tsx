import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { liveForTests } from "../lib/live";
import { SessionContext } from "../lib/session";
import type { Me } from "../lib/types";
import { fakeFetch } from "../test-support";
import { environmentColumns, ReleasePage, ReleasesPage } from "./Releases";

const rm1: Me = { name: "rm1", subject: "s-rm1", roles: ["release-manager"], via: "session" };
const app = (id: string, name: string, envs: string[]) => ({ id, name, owningTeam: "t", repositoryUrl: "x", lifecycleVersion: 1, environments: envs.map((e) => ({ name: e })), registeredAt: "2026-01-01T00:00:00Z" });

afterEach(cleanup);

it("givenLifecyclesOfDifferentLength_whenColumnsBuilt_thenEveryEnvironmentOnceInLifecycleOrder", () => {
  const rows = [{ application: app("a", "a", ["dev", "prod"]) }, { application: app("b", "b", ["dev", "qa", "staging", "prod"]) }];
  expect(environmentColumns(rows)).toEqual(["dev", "qa", "staging", "prod"]);
});

it("givenBoard_whenShown_thenVersionAndStateInWordsPerCell_andLiveEventReloads", async () => {
  let deployed = false;
  fakeFetch({
    "GET /api/applications": { body: { entries: [app("a1", "billing", ["dev", "prod"])], nextCursor: null } },
    "GET /api/environments/board": () => ({ body: { applicationId: "a1", lifecycleVersion: 1, environments: [
      { environment: "dev", current: deployed ? { releaseId: "r2", version: "1.1.0", promotionId: "p2", deployedAt: "2026-01-02T00:00:00Z" } : { releaseId: "r1", version: "1.0.0", promotionId: "p1", deployedAt: "2026-01-01T00:00:00Z" },
        incoming: deployed ? null : { promotionId: "p2", releaseId: "r2", version: "1.1.0", environment: "dev", status: "AWAITING_APPROVAL" } },
      { environment: "prod", current: null, incoming: null },
    ] } }),
  });
  render(<SessionContext.Provider value={rm1}><ReleasesPage /></SessionContext.Provider>);

  const row = await screen.findByTestId("board-row-billing");
  const dev = within(row).getByTestId("cell-dev");
  expect(dev.textContent).toContain("1.0.0");
  expect(dev.textContent).toContain("deployed");
  expect(dev.textContent).toContain("1.1.0 awaiting approval");
  expect(within(row).getByTestId("cell-prod").textContent).toBe("nothing deployed");

  deployed = true;
  liveForTests.dispatch({ service: "release", type: "dev.opsledger.release.promotion-deployed.v1" });

  await waitFor(() => expect(within(row).getByTestId("cell-dev").textContent).toMatch(/^1\.1\.0 deployed/), { timeout: 2000 });
});

it("givenPromotionThatBackedUpAndDeployed_whenTimelineShown_thenItsStepsLinkTheBackupRunAndTheTaskRun", async () => {
  const promotion = {
    promotionId: "p1", applicationId: "a1", releaseId: "r1", version: "1.0.0", environment: "prod", status: "DEPLOYED", lifecycleVersion: 1,
    requestedBy: { id: "s-dev1", name: "dev1" }, requestedAt: "2026-01-01T00:00:00Z", approvedBy: [], freezeOverridden: false,
    updatedAt: "2026-01-01T01:00:00Z", backupRunId: "b7c1e2d3-0000", backupSha256: "ab".repeat(32), deployRunId: "d9e8f7a6-0000",
  };
  fakeFetch({
    "GET /api/releases/r1": { body: { release: { releaseId: "r1", applicationId: "a1", version: "1.0.0", commitSha: "abc", artifactReference: "x",
      createdBy: { id: "s-dev1", name: "dev1" }, createdAt: "2026-01-01T00:00:00Z" }, promotions: [promotion] } },
    "GET /api/applications/a1": { body: app("a1", "billing", ["prod"]) },
  });
  render(<SessionContext.Provider value={rm1}><ReleasePage id="r1" /></SessionContext.Provider>);

  const steps = await screen.findByTestId("promotion");
  expect(within(steps).getByRole("link", { name: "backup run b7c1e2d3" }).getAttribute("href")).toBe("/backups/runs/b7c1e2d3-0000");
  expect(within(steps).getByRole("link", { name: "task run d9e8f7a6" }).getAttribute("href")).toBe("/automation/runs/d9e8f7a6-0000");
  expect(within(steps).getByText(/^abababababab…$/).getAttribute("title")).toBe("ab".repeat(32));
});
