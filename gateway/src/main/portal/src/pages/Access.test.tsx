import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RouterProvider } from "../lib/router";
import { SessionContext } from "../lib/session";
import type { AccessReview, Grant, Me, Resource } from "../lib/types";
import { fakeFetch } from "../test-support";
import { AccessPage, isoDuration, localToInstant } from "./Access";

const dev1: Me = { name: "dev1", subject: "s-dev1", roles: ["developer"], via: "session" };
const appr1: Me = { name: "appr1", subject: "s-appr1", roles: ["approver"], via: "session" };

const prodDb: Resource = {
  resourceId: "r1", name: "prod-db-read", description: "Read-only SQL on prod", owningTeam: "platform", kind: "KEYCLOAK_REALM_ROLE",
  target: "prod-db-read", requiredApprovals: 1, approverRoles: ["approver"], fourEyes: true, maxDuration: "PT8H",
  requesterRoles: ["developer"], breakGlassRoles: [],
};
const page = <T,>(entries: T[]) => ({ body: { entries, nextCursor: null } });

function grant(overrides: Partial<Grant>): Grant {
  return {
    grantId: "g1", requestId: "q1", resourceId: "r1", targetKind: "KEYCLOAK_REALM_ROLE", targetName: "prod-db-read",
    userId: "s-dev1", userName: "dev1", status: "ACTIVE", breakGlass: false, justification: "INC-1", approvers: ["appr1"],
    activatedAt: "2026-11-30T08:00:00Z", expiresAt: null, endedAt: null, ...overrides,
  };
}

function renderAs(me: Me) {
  return render(<RouterProvider><SessionContext.Provider value={me}><AccessPage /></SessionContext.Provider></RouterProvider>);
}

async function fillRequest(justification: string, amount: string) {
  fireEvent.change(await screen.findByLabelText("Resource"), { target: { value: "r1" } });
  fireEvent.change(screen.getByLabelText("Justification"), { target: { value: justification } });
  fireEvent.change(screen.getByLabelText("Duration"), { target: { value: amount } });
  fireEvent.click(screen.getByRole("button", { name: "Request access" }));
}

describe("Access", () => {
  afterEach(cleanup);

  it("givenDurationAboveTheResourceMaximum_whenRequesting_thenTheApiSentenceShowsAtTheDurationField", async () => {
    const calls = fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([]),
      "POST /api/access-requests": { status: 422, body: { title: "Unprocessable Entity", status: 422,
        code: "access-request.duration-out-of-range", detail: "The duration must be more than 0 and at most PT8H" } },
    });
    renderAs(dev1);

    await fillRequest("Investigating INC-4711", "12");

    const message = await screen.findByText("The duration must be more than 0 and at most PT8H");
    const input = screen.getByLabelText("Duration");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe(message.id);
    const sent = calls.find((c) => c.method === "POST")!;
    expect(JSON.parse(String(sent.init.body))).toEqual({ resourceId: "r1", justification: "Investigating INC-4711", duration: "PT12H" });
    expect(screen.getByText("The resource allows at most 8 h.")).toBeTruthy();
  });

  it("givenBlankJustification_whenTheEdgeRefusesIt_thenEachFieldErrorShowsAtItsInput", async () => {
    fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([]),
      "POST /api/access-requests": { status: 400, body: { title: "Bad Request", status: 400, code: "validation.failed",
        detail: "The request has invalid input; see errors.", errors: [{ field: "justification", reason: "must not be blank" }] } },
    });
    renderAs(dev1);

    await fillRequest("", "2");

    const message = await screen.findByText("must not be blank");
    expect(screen.getByLabelText("Justification").getAttribute("aria-describedby")).toBe(message.id);
    expect(screen.getByRole("alert").textContent).toContain("see the fields above");
  });

  it("givenValidRequest_whenSent_thenConfirmedAndMyRequestsReloaded", async () => {
    let sent = false;
    fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": () => page(sent ? [{ requestId: "q1", extension: false, resourceId: "r1", resourceName: "prod-db-read",
        requesterId: "s-dev1", requesterName: "dev1", justification: "INC-9", duration: "PT2H", status: "AWAITING_APPROVAL",
        requestedAt: "2026-11-30T09:00:00Z", deadline: "2026-11-30T17:00:00Z", requiredApprovals: 1, approverRoles: ["approver"],
        fourEyes: true, approvedBy: [], updatedAt: "2026-11-30T09:00:00Z" }] : []),
      "GET /api/grants": page([]),
      "POST /api/access-requests": () => { sent = true; return { status: 201, body: { id: "q1" } }; },
    });
    renderAs(dev1);
    expect(await screen.findByText("You have not asked for access yet.")).toBeTruthy();

    await fillRequest("INC-9", "2");

    await screen.findByText("Access to prod-db-read requested; it waits for approval.");
    const mine = await screen.findByTestId("my-requests");
    expect(within(mine).getByText("awaiting approval")).toBeTruthy();
    expect(within(mine).getByText("2 h")).toBeTruthy();
  });

  it("givenActiveGrant_whenShown_thenTimeLeftCountsToItsExpiry_andNoMembersOrReviewsForADeveloper", async () => {
    const expiresAt = new Date(Date.now() + (2 * 3600 + 5 * 60 + 30) * 1000).toISOString();
    const calls = fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([grant({ expiresAt })]),
    });
    renderAs(dev1);

    const mine = await screen.findByTestId("my-grants");
    expect(within(mine).getByTestId("time-left").textContent).toMatch(/^2 h 5 min left/);
    expect(within(mine).getByRole("button", { name: "Give back" })).toBeTruthy();
    expect(calls.find((c) => c.path.startsWith("/api/grants"))!.path).toBe("/api/grants?user=s-dev1&limit=50");
    expect(screen.queryByRole("heading", { name: "Members of a resource" })).toBeNull();
    expect(calls.some((c) => c.path.startsWith("/api/access-reviews"))).toBe(false);
  });

  it("givenApprover_whenAskingMembersAtAMoment_thenTheInstantOfTheBrowsersZoneIsAsked", async () => {
    const calls = fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([]),
      "GET /api/access-reviews": page([]),
      "GET /api/resources/r1/members": page([grant({ userName: "dev2", userId: "s-dev2" })]),
    });
    renderAs(appr1);
    const members = await screen.findByTestId("members");
    expect(within(members).getByText("dev2")).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^At/), { target: { value: "2026-11-01T10:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Show members" }));

    const at = new Date("2026-11-01T10:00").toISOString();
    await waitFor(() => expect(calls.map((c) => c.path)).toContain(`/api/resources/r1/members?at=${encodeURIComponent(at)}&limit=200`));
    expect(localToInstant("2026-11-01T10:00")).toBe(at);
    expect((await screen.findByTestId("members-caption")).textContent).toContain("at");
  });

  it("givenFutureMoment_whenRefused_thenTheReasonShowsAtTheMomentField", async () => {
    fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([]),
      "GET /api/access-reviews": page([]),
      "GET /api/resources/r1/members": { status: 400, body: { status: 400, code: "validation.failed", detail: "The request has invalid input; see errors.",
        errors: [{ field: "at", reason: "must not be in the future" }] } },
    });
    renderAs(appr1);

    const reason = await screen.findByText("must not be in the future");
    expect(screen.getByLabelText(/^At/).getAttribute("aria-describedby")).toBe(reason.id);
  });

  it("givenOpenCampaign_whenReviewerDecides_thenKeepIsSentWithTheComment_andTheirOwnItemIsOffWithTheReason", async () => {
    const review: AccessReview = {
      reviewId: "v1", name: "Q4 prod", resourceId: "r1", reviewerRoles: ["approver"], deadline: "2026-12-15T00:00:00Z", status: "OPEN",
      openedBy: "admin1", openedAt: "2026-11-30T08:00:00Z", closedAt: null, items: [
        { grantId: "g1", resourceId: "r1", userId: "s-dev1", userName: "dev1" },
        { grantId: "g2", resourceId: "r1", userId: "s-appr1", userName: "appr1" },
      ],
    };
    const calls = fakeFetch({
      "GET /api/resources": page([prodDb]),
      "GET /api/access-requests": page([]),
      "GET /api/grants": page([]),
      "GET /api/resources/r1/members": page([]),
      "GET /api/access-reviews": page([{ ...review, items: [] }]),
      "GET /api/access-reviews/v1": { body: review },
      "POST /api/access-reviews/v1/items/g1/decision": { status: 202, body: { id: "v1" } },
    });
    renderAs(appr1);

    fireEvent.click(await screen.findByRole("button", { name: "Show items of Q4 prod" }));
    const items = await screen.findByTestId("review-items");
    const rows = within(items).getAllByRole("row");
    const own = rows.find((r) => r.textContent?.startsWith("appr1"))!;
    expect((within(own).getByRole("button", { name: "Keep" }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(own).getByText("This is your own access: another reviewer decides.")).toBeTruthy();

    const other = rows.find((r) => r.textContent?.startsWith("dev1"))!;
    fireEvent.change(within(other).getByLabelText("Comment for dev1"), { target: { value: "still on call" } });
    fireEvent.click(within(other).getByRole("button", { name: "Keep" }));

    await within(other).findByText("Kept.");
    const decision = calls.find((c) => c.method === "POST")!;
    expect(decision.path).toBe("/api/access-reviews/v1/items/g1/decision");
    expect(JSON.parse(String(decision.init.body))).toEqual({ decision: "KEEP", comment: "still on call" });
  });

  it("givenAmountAndUnit_whenConverted_thenIsoDurationsTheApiReads", () => {
    expect(isoDuration("90", "M")).toBe("PT90M");
    expect(isoDuration(" 4 ", "H")).toBe("PT4H");
    expect(isoDuration("2", "D")).toBe("P2D");
  });
});
