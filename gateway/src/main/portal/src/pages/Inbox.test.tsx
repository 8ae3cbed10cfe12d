import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SessionContext } from "../lib/session";
import type { Me, Promotion } from "../lib/types";
import { fakeFetch } from "../test-support";
import { InboxPage } from "./Inbox";

const appr1: Me = { name: "appr1", subject: "s-appr1", roles: ["approver"], via: "session" };
const dev1: Me = { name: "dev1", subject: "s-dev1", roles: ["developer"], via: "session" };

const promotion: Promotion = {
  promotionId: "p1", applicationId: "a1", releaseId: "r1", version: "2.3.0", environment: "qa", status: "AWAITING_APPROVAL",
  lifecycleVersion: 1, requestedBy: { id: "s-dev1", name: "dev1" }, requestedAt: "2026-11-22T10:00:00Z",
  requiredApprovals: 1, approverRoles: ["approver"], fourEyes: true, approvalDeadline: "2026-11-22T11:00:00Z",
  approvedBy: [], freezeOverridden: false, updatedAt: "2026-11-22T10:00:00Z",
};
const applications = { body: { entries: [{ id: "a1", name: "billing", owningTeam: "payments", repositoryUrl: "x", lifecycleVersion: 1, environments: [{ name: "qa" }], registeredAt: "2026-11-22T09:00:00Z" }], nextCursor: null } };
const board = { body: { applicationId: "a1", lifecycleVersion: 1, environments: [{ environment: "qa", current: null, incoming: promotion }] } };

function renderAs(me: Me) {
  return render(<SessionContext.Provider value={me}><InboxPage /></SessionContext.Provider>);
}

describe("Inbox", () => {
  afterEach(cleanup);

  it("givenApproverWithPendingPromotion_whenApprovingWithComment_thenPostsTheCommentAndShowsApproved", async () => {
    const calls = fakeFetch({
      "GET /api/approvals/pending": { body: [promotion] },
      "GET /api/restores/pending": { status: 404, body: { detail: "backup is switched off" } },
      "GET /api/applications": applications,
      "GET /api/environments/board": board,
      "GET /api/restores": { status: 403, body: { detail: "no role" } },
      "POST /api/promotions/p1/approvals": { status: 202, body: { id: "p1" } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    expect(within(card).getByRole("heading").textContent).toBe("billing 2.3.0 → qa");
    expect(within(card).getByText(/dev1/)).toBeTruthy();
    fireEvent.change(within(card).getByLabelText(/Comment/), { target: { value: "looks good" } });
    fireEvent.click(within(card).getByRole("button", { name: "Approve" }));

    await within(card).findByText("Approved.");
    const approval = calls.find((c) => c.method === "POST")!;
    expect(approval.path).toBe("/api/promotions/p1/approvals");
    expect(approval.init.body).toBe('{"comment":"looks good"}');
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("givenRequesterOwnPromotion_whenInboxShown_thenButtonsOffWithTheReason", async () => {
    fakeFetch({
      "GET /api/approvals/pending": { body: [] },
      "GET /api/restores/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/applications": applications,
      "GET /api/environments/board": board,
      "GET /api/restores": { status: 403, body: { detail: "no role" } },
    });
    renderAs(dev1);

    const card = await screen.findByTestId("inbox-item");
    const approve = within(card).getByRole("button", { name: "Approve" }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect((within(card).getByRole("button", { name: "Reject" }) as HTMLButtonElement).disabled).toBe(true);
    const reason = within(card).getByText(/four eyes means another approver decides/);
    expect(approve.getAttribute("aria-describedby")).toBe(reason.id);
  });

  it("givenRejectionWithoutReason_whenRejecting_thenNothingSentAndTheRuleShown", async () => {
    const calls = fakeFetch({
      "GET /api/approvals/pending": { body: [promotion] },
      "GET /api/restores/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/applications": applications,
      "GET /api/environments/board": board,
      "GET /api/restores": { body: { entries: [], nextCursor: null } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    fireEvent.click(within(card).getByRole("button", { name: "Reject" }));

    expect((await within(card).findByRole("alert")).textContent).toContain("A rejection needs a reason");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("givenServiceProblem_whenDecisionRefused_thenProblemDetailShown", async () => {
    fakeFetch({
      "GET /api/approvals/pending": { body: [promotion] },
      "GET /api/restores/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/applications": applications,
      "GET /api/environments/board": board,
      "GET /api/restores": { body: { entries: [], nextCursor: null } },
      "POST /api/promotions/p1/approvals": { status: 422, body: { title: "Unprocessable", status: 422, code: "approval.deadline-passed", detail: "The decision deadline has passed." } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    fireEvent.click(within(card).getByRole("button", { name: "Approve" }));

    await waitFor(() => expect(within(card).getByRole("alert").textContent).toBe("The decision deadline has passed."));
  });

  it("givenReleaseServiceDown_whenInboxShown_thenTheProblemIsNamedNotAGenericError", async () => {
    fakeFetch({
      "GET /api/approvals/pending": { status: 502, body: { title: "Bad Gateway", status: 502, detail: "release is not reachable." } },
      "GET /api/restores/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/applications": { status: 502, body: { detail: "release is not reachable." } },
      "GET /api/restores": { body: { entries: [], nextCursor: null } },
    });
    renderAs(appr1);

    const alerts = await screen.findAllByRole("alert");
    expect(alerts.map((a) => a.textContent)).toContain("Releases could not be asked: release is not reachable.");
  });

  it("givenTaskRunAwaitingApproval_whenApproved_thenTheDigestTheApproverSawIsSent", async () => {
    const calls = fakeFetch({
      "GET /api/approvals/pending": { body: [] },
      "GET /api/restores/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/access-requests/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/task-runs/pending": { body: [{ runId: "t1", taskId: "deploy", version: 3, status: "AWAITING_APPROVAL", trigger: "MANUAL",
        parameters: { target: "qa" }, digest: "sha256:abc", requestedById: "s-dev1", requestedByName: "dev1",
        requestedAt: "2026-11-22T10:00:00Z", requiredApprovals: 1, approvedBy: [], updatedAt: "2026-11-22T10:00:00Z" }] },
      "GET /api/applications": { body: { entries: [], nextCursor: null } },
      "GET /api/restores": { body: { entries: [], nextCursor: null } },
      "POST /api/task-runs/t1/approvals": { status: 202, body: { id: "t1" } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    expect(within(card).getByText("Parameters: target=qa")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Approve" }));

    await within(card).findByText("Approved.");
    expect(calls.find((c) => c.method === "POST")!.init.body).toBe('{"digest":"sha256:abc"}');
  });

  const accessRequest = {
    requestId: "q1", extension: false, resourceId: "r1", resourceName: "prod-db-read", requesterId: "s-dev1", requesterName: "dev1",
    justification: "INC-4711", duration: "PT4H", status: "AWAITING_APPROVAL", requestedAt: "2026-11-22T10:00:00Z",
    deadline: "2026-11-22T18:00:00Z", requiredApprovals: 1, approverRoles: ["approver"], fourEyes: true, approvedBy: [],
    updatedAt: "2026-11-22T10:00:00Z",
  };
  const quietRelease = {
    "GET /api/approvals/pending": { body: [] },
    "GET /api/applications": { body: { entries: [], nextCursor: null } },
  };

  it("givenRequesterOwnAccessRequestAndTaskRun_whenInboxShown_thenBothOffWithTheReason", async () => {
    fakeFetch({
      ...quietRelease,
      "GET /api/access-requests/pending": { body: { entries: [], nextCursor: null } },
      "GET /api/access-requests": { body: { entries: [accessRequest, { ...accessRequest, requestId: "q0", status: "REJECTED" }], nextCursor: null } },
      "GET /api/task-runs/pending": { body: [] },
      "GET /api/task-runs": { body: { entries: [{ runId: "t1", taskId: "k1", version: 3, status: "AWAITING_APPROVAL", trigger: "MANUAL",
        parameters: { target: "prod" }, digest: "sha256:abc", requestedById: "s-dev1", requestedByName: "dev1",
        requestedAt: "2026-11-22T11:00:00Z", requiredApprovals: 1, approvedBy: [], updatedAt: "2026-11-22T11:00:00Z" }], nextCursor: null } },
      "GET /api/tasks": { body: { entries: [{ taskId: "k1", name: "deploy" }], nextCursor: null } },
    });
    renderAs(dev1);

    await waitFor(() => expect(screen.getAllByTestId("inbox-item")).toHaveLength(2));
    const [run, access] = screen.getAllByTestId("inbox-item");
    expect(within(run).getByRole("heading").textContent).toBe("Run of task deploy (version 3)");
    expect(within(run).getByRole("link").getAttribute("href")).toBe("/automation/runs/t1");
    expect((within(run).getByRole("button", { name: "Approve" }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(run).getByText("You requested this run: four eyes means another approver decides.")).toBeTruthy();
    expect(within(access).getByRole("heading").textContent).toBe("Access to prod-db-read for dev1");
    expect(within(access).getByText("INC-4711 (for 4 h)")).toBeTruthy();
    const approve = within(access).getByRole("button", { name: "Approve" }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(document.getElementById(approve.getAttribute("aria-describedby")!)!.textContent)
      .toBe("You requested this access: four eyes means another approver decides.");
  });

  it("givenApproverWithPendingAccessRequest_whenApproved_thenTheRequestsNamesShowAndTheApprovalIsPosted", async () => {
    const calls = fakeFetch({
      ...quietRelease,
      "GET /api/access-requests/pending": { body: { entries: [{ kind: "ACCESS_REQUEST", decideAt: "/access-requests/q1/approvals",
        resourceId: "r1", userId: "s-dev1", userName: "dev1", summary: "INC-4711", deadline: "2026-11-22T18:00:00Z", requestId: "q1" }], nextCursor: null } },
      "GET /api/access-requests": { body: { entries: [accessRequest], nextCursor: null } },
      "POST /api/access-requests/q1/approvals": { status: 202, body: { id: "q1" } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    expect(within(card).getByRole("heading").textContent).toBe("Access to prod-db-read for dev1");
    fireEvent.click(within(card).getByRole("button", { name: "Approve" }));

    await within(card).findByText("Approved.");
    expect(calls.find((c) => c.method === "POST")!.path).toBe("/api/access-requests/q1/approvals");
  });

  it("givenAccessReviewItem_whenRevokedWithoutComment_thenRefusedInPlace_andWithOneTheRevocationIsSent", async () => {
    const calls = fakeFetch({
      ...quietRelease,
      "GET /api/access-requests/pending": { body: { entries: [{ kind: "ACCESS_REVIEW_ITEM", decideAt: "/access-reviews/v1/items/g1/decision",
        resourceId: "r1", userId: "s-dev1", userName: "dev1", summary: "Q4 prod", deadline: "2026-12-15T00:00:00Z", grantId: "g1", reviewId: "v1" }], nextCursor: null } },
      "GET /api/resources": { body: { entries: [{ resourceId: "r1", name: "prod-db-read" }], nextCursor: null } },
      "POST /api/access-reviews/v1/items/g1/decision": { status: 202, body: { id: "v1" } },
    });
    renderAs(appr1);

    const card = await screen.findByTestId("inbox-item");
    expect(within(card).getByRole("heading").textContent).toBe("Keep dev1's access to prod-db-read?");
    fireEvent.click(within(card).getByRole("button", { name: "Revoke" }));
    expect((await within(card).findByRole("alert")).textContent).toBe("This decision needs a comment: write it in the comment.");
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.change(within(card).getByLabelText(/Comment/), { target: { value: "left the team" } });
    fireEvent.click(within(card).getByRole("button", { name: "Revoke" }));

    await within(card).findByText("Decided: revoke.");
    expect(calls.find((c) => c.method === "POST")!.init.body).toBe('{"decision":"REVOKE","comment":"left the team"}');
  });
});
