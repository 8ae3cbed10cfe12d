import { asPage, get, Problem, type Page } from "./api";
import type { AccessRequest, Application, Board, Me, PendingAccessItem, Promotion, Resource, Restore, Task, TaskRun } from "./types";
import { duration } from "./ui";

/** One thing someone asked for and someone must decide, whatever service it lives in. */
export interface InboxItem {
  key: string;
  kind: "promotion" | "restore" | "access" | "break-glass" | "access-review" | "task-run";
  title: string;
  href: string;
  requestedBy: string;
  /** Unknown for an access-review item: a campaign asks, not a person at a moment. */
  requestedAt?: string | null;
  why: string;
  until?: string | null;
  approvals: string;
  /** Set when the caller may not decide it; says why. The server decides again anyway. */
  blockedBecause?: string;
  decisions: Decisions;
}

/**
 * What the two buttons of an item say and send. Most items are approve/reject; a break-glass
 * review is justified or not and an access-review item is keep or revoke, each with the body its
 * endpoint expects.
 */
export interface Decisions {
  yes: string;
  no: string;
  /** Which decisions need the comment: the API refuses them without one. */
  commentRequired: "no" | "both";
  send: (yes: boolean, comment: string) => { path: string; body: unknown };
}

/** Approve with an optional comment (plus `extra`), reject with the comment as the reason. */
export function approveOrReject(approvePath: string, rejectPath: string, extra?: Record<string, string>): Decisions {
  return {
    yes: "Approve",
    no: "Reject",
    commentRequired: "no",
    send: (yes, comment) => yes
      ? { path: approvePath, body: { ...extra, comment: comment || undefined } }
      : { path: rejectPath, body: { reason: comment } },
  };
}

export interface Inbox {
  items: InboxItem[];
  /** Sources that could not be asked, with the problem's own words. */
  unavailable: { source: string; error: unknown }[];
}

export const UNDECIDED_PROMOTION = new Set(["REQUESTED", "AWAITING_APPROVAL"]);

export function promotionItem(p: Promotion, me: Me, applicationName?: string): InboxItem {
  const own = p.requestedBy?.id === me.subject;
  const required = p.requiredApprovals ?? 0;
  return {
    key: `promotion:${p.promotionId}`,
    kind: "promotion",
    title: `${applicationName ?? "Release"} ${p.version} → ${p.environment}`,
    href: `/releases/${encodeURIComponent(p.releaseId)}`,
    requestedBy: p.requestedBy?.name ?? "unknown",
    requestedAt: p.requestedAt,
    why: p.rollbackOf ? `Rollback: ${p.reason ?? "no reason given"}` : `Promote ${p.version} to ${p.environment}`,
    until: p.approvalDeadline,
    approvals: `${p.approvedBy?.length ?? 0} of ${required} approvals`,
    blockedBecause: own && p.fourEyes !== false
      ? "You requested this promotion: four eyes means another approver decides."
      : undefined,
    decisions: approveOrReject(`/api/promotions/${encodeURIComponent(p.promotionId)}/approvals`,
      `/api/promotions/${encodeURIComponent(p.promotionId)}/rejections`),
  };
}

export function restoreItem(r: Restore, me: Me): InboxItem {
  const own = r.requestedById === me.subject;
  return {
    key: `restore:${r.restoreId}`,
    kind: "restore",
    title: `Restore of backup run ${r.runId.slice(0, 8)}`,
    href: `/backups`,
    requestedBy: r.requestedByName,
    requestedAt: r.requestedAt,
    why: `Restore to ${r.destinationKind.toLowerCase().replace(/_/g, " ")}${r.destinationName ? ` ${r.destinationName}` : ""}`,
    until: r.approvalDeadline,
    approvals: `${r.approvedBy?.length ?? 0} of ${r.requiredApprovals} approvals`,
    blockedBecause: own ? "You requested this restore: another approver decides." : undefined,
    decisions: approveOrReject(`/api/restores/${encodeURIComponent(r.restoreId)}/approvals`,
      `/api/restores/${encodeURIComponent(r.restoreId)}/rejections`),
  };
}

/** A request waiting for approval; `request` (the full record) adds what the pending list leaves out. */
export function accessRequestItem(a: AccessRequest, me: Me): InboxItem {
  const own = a.requesterId === me.subject;
  return {
    key: `access:${a.requestId}`,
    kind: "access",
    title: `${a.extension ? "Extend access" : "Access"} to ${a.resourceName} for ${a.requesterName}`,
    href: `/access`,
    requestedBy: a.requesterName,
    requestedAt: a.requestedAt,
    why: `${a.justification} (for ${duration(a.duration)})`,
    until: a.deadline,
    approvals: `${a.approvedBy?.length ?? 0} of ${a.requiredApprovals} approvals`,
    blockedBecause: !own ? undefined : a.fourEyes
      ? "You requested this access: four eyes means another approver decides."
      : `Waiting for an approver with one of the roles ${a.approverRoles.join(", ")}.`,
    decisions: approveOrReject(`/api/access-requests/${encodeURIComponent(a.requestId)}/approvals`,
      `/api/access-requests/${encodeURIComponent(a.requestId)}/rejections`),
  };
}

/**
 * An item of access-service's pending list, which the service already filtered to what the caller
 * may decide. `requests` and `resources` fill in names and times when the caller may read them.
 */
export function pendingAccessItem(item: PendingAccessItem, me: Me, requests: Map<string, AccessRequest>,
                                  resources: Map<string, string>): InboxItem {
  const resource = resources.get(item.resourceId) ?? "a resource";
  const decideAt = `/api${item.decideAt}`;
  switch (item.kind) {
    case "ACCESS_REQUEST": {
      const request = item.requestId ? requests.get(item.requestId) : undefined;
      if (request) {
        return { ...accessRequestItem(request, me), blockedBecause: undefined };
      }
      return {
        key: `access:${item.requestId}`,
        kind: "access",
        title: `Access to ${resource} for ${item.userName}`,
        href: "/access",
        requestedBy: item.userName,
        why: item.summary,
        until: item.deadline,
        approvals: "approval needed",
        decisions: approveOrReject(decideAt, `/api/access-requests/${encodeURIComponent(item.requestId ?? "")}/rejections`),
      };
    }
    case "BREAK_GLASS_REVIEW":
      return {
        key: `break-glass:${item.grantId}`,
        kind: "break-glass",
        title: `Break-glass access to ${resource} taken by ${item.userName}`,
        href: "/access",
        requestedBy: item.userName,
        why: item.summary,
        until: item.deadline,
        approvals: "review after the fact",
        decisions: {
          yes: "Justified", no: "Not justified", commentRequired: "both",
          send: (yes, comment) => ({ path: decideAt, body: { justified: yes, comment } }),
        },
      };
    case "ACCESS_REVIEW_ITEM":
      return {
        key: `access-review:${item.reviewId}:${item.grantId}`,
        kind: "access-review",
        title: `Keep ${item.userName}'s access to ${resource}?`,
        href: `/access?review=${encodeURIComponent(item.reviewId ?? "")}`,
        requestedBy: `access review "${item.summary}"`,
        why: `${item.userName} holds access to ${resource}; unanswered items are revoked at the deadline.`,
        until: item.deadline,
        approvals: "one reviewer decides",
        decisions: {
          yes: "Keep", no: "Revoke", commentRequired: "both",
          send: (yes, comment) => ({ path: decideAt, body: { decision: yes ? "KEEP" : "REVOKE", comment } }),
        },
      };
  }
}

export function taskRunItem(r: TaskRun, me: Me, taskName?: string): InboxItem {
  const parameters = Object.entries(r.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(", ");
  return {
    key: `task-run:${r.runId}`,
    kind: "task-run",
    title: `Run of ${taskName ? `task ${taskName}` : `task ${r.taskId}`} (version ${r.version})`,
    href: `/automation/runs/${encodeURIComponent(r.runId)}`,
    requestedBy: r.requestedByName,
    requestedAt: r.requestedAt,
    why: parameters ? `Parameters: ${parameters}` : "No parameters",
    until: r.approvalDeadline,
    approvals: `${r.approvedBy?.length ?? 0} of ${r.requiredApprovals ?? 0} approvals`,
    // Runs are always four eyes (automation-service's ApprovalBody): the requester never approves.
    blockedBecause: r.requestedById === me.subject ? "You requested this run: four eyes means another approver decides." : undefined,
    // The digest the approver saw: the server refuses the approval when the run's inputs differ.
    decisions: approveOrReject(`/api/task-runs/${encodeURIComponent(r.runId)}/approvals`,
      `/api/task-runs/${encodeURIComponent(r.runId)}/rejections`, { digest: r.digest }),
  };
}

/** Newest first; items the caller can act on before their own waiting ones. */
export function sortItems(items: InboxItem[]): InboxItem[] {
  return [...items].sort((a, b) => {
    if (!a.blockedBecause !== !b.blockedBecause) {
      return a.blockedBecause ? 1 : -1;
    }
    return (b.requestedAt ?? "").localeCompare(a.requestedAt ?? "");
  });
}

/** A service switched off or a role the caller lacks is not an error of the inbox. */
function ignorable(error: unknown): boolean {
  return error instanceof Problem && (error.status === 403 || error.status === 404);
}

async function attempt<T>(source: string, load: () => Promise<T>, unavailable: Inbox["unavailable"], quietWhenForbidden = false): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!(quietWhenForbidden && ignorable(error))) {
      unavailable.push({ source, error });
    }
    return undefined;
  }
}

/**
 * Everything waiting on the caller (each service's pending endpoint: the server already applied
 * roles and four eyes), plus the caller's own requests still waiting on others, shown with the
 * reason the buttons are off.
 */
export async function loadInbox(me: Me): Promise<Inbox> {
  const unavailable: Inbox["unavailable"] = [];
  const [pendingPromotions, pendingRestores, pendingAccess, pendingRuns, applications, restores, accessRequests, resources,
    runsAwaiting, tasks] = await Promise.all([
    attempt("Releases", async () => asPage(await get<Promotion[] | Page<Promotion>>("/api/approvals/pending")), unavailable),
    attempt("Backups", () => get<Page<Restore>>("/api/restores/pending?limit=200"), unavailable, true),
    attempt("Access", () => get<Page<PendingAccessItem>>("/api/access-requests/pending?limit=200"), unavailable, true),
    attempt("Automation", async () => asPage(await get<TaskRun[] | Page<TaskRun>>("/api/task-runs/pending")), unavailable, true),
    attempt("Releases", () => get<Page<Application>>("/api/applications?limit=200"), unavailable, true),
    attempt("Backups", () => get<Page<Restore>>("/api/restores?limit=200"), unavailable, true),
    // Everyone's for the roles that read everyone's (names and times of pending items), else the caller's own.
    attempt("Access", () => get<Page<AccessRequest>>("/api/access-requests?limit=200"), unavailable, true),
    attempt("Access", () => get<Page<Resource>>("/api/resources?limit=200"), unavailable, true),
    attempt("Automation", () => get<Page<TaskRun>>("/api/task-runs?status=AWAITING_APPROVAL&limit=200"), unavailable, true),
    attempt("Automation", () => get<Page<Task>>("/api/tasks?limit=200"), unavailable, true),
  ]);
  const names = new Map((applications?.entries ?? []).map((a) => [a.id, a.name]));
  const requests = new Map((accessRequests?.entries ?? []).map((r) => [r.requestId, r]));
  const resourceNames = new Map((resources?.entries ?? []).map((r) => [r.resourceId, r.name]));
  const taskNames = new Map((tasks?.entries ?? []).map((t) => [t.taskId, t.name]));
  const items = new Map<string, InboxItem>();
  for (const p of pendingPromotions?.entries ?? []) {
    const item = promotionItem(p, me, names.get(p.applicationId));
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  for (const r of pendingRestores?.entries ?? []) {
    const item = restoreItem(r, me);
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  for (const a of pendingAccess?.entries ?? []) {
    const item = pendingAccessItem(a, me, requests, resourceNames);
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  for (const r of pendingRuns?.entries ?? []) {
    const item = taskRunItem(r, me, taskNames.get(r.taskId));
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  // The caller's own requests: pending endpoints leave them out, the boards and lists have them.
  const boards = await Promise.all((applications?.entries ?? []).map((a) =>
    attempt("Releases", () => get<Board>(`/api/environments/board?application=${encodeURIComponent(a.id)}`), unavailable, true)));
  for (const board of boards) {
    for (const slot of board?.environments ?? []) {
      const p = slot.incoming;
      if (p && UNDECIDED_PROMOTION.has(p.status) && p.requestedBy?.id === me.subject) {
        const item = promotionItem(p, me, names.get(p.applicationId));
        if (!items.has(item.key)) {
          items.set(item.key, { ...item, blockedBecause: item.blockedBecause ?? "Waiting for an approver with the role this environment needs." });
        }
      }
    }
  }
  for (const r of restores?.entries ?? []) {
    if (r.status === "AWAITING_APPROVAL" && r.requestedById === me.subject) {
      addOwn(items, restoreItem(r, me));
    }
  }
  for (const a of accessRequests?.entries ?? []) {
    if (a.status === "AWAITING_APPROVAL" && a.requesterId === me.subject) {
      addOwn(items, accessRequestItem(a, me));
    }
  }
  for (const r of runsAwaiting?.entries ?? []) {
    if (r.requestedById === me.subject) {
      addOwn(items, taskRunItem(r, me, taskNames.get(r.taskId)));
    }
  }
  return { items: sortItems([...items.values()]), unavailable: dedupe(unavailable) };
}

/** An own request is shown only when no pending list offered it: then the server lets the caller decide it. */
function addOwn(items: Map<string, InboxItem>, item: InboxItem) {
  if (!items.has(item.key)) {
    items.set(item.key, item);
  }
}

function dedupe(unavailable: Inbox["unavailable"]): Inbox["unavailable"] {
  const seen = new Set<string>();
  return unavailable.filter((u) => !seen.has(u.source) && seen.add(u.source) !== undefined);
}
