import { asPage, get, Problem, type Page } from "./api";
import type { AccessRequest, Application, Board, Me, Promotion, Restore, TaskRun } from "./types";

/** One thing someone asked for and someone must decide, whatever service it lives in. */
export interface InboxItem {
  key: string;
  kind: "promotion" | "restore" | "access" | "task-run";
  title: string;
  href: string;
  requestedBy: string;
  requestedAt: string;
  why: string;
  until?: string | null;
  approvals: string;
  /** Set when the caller may not decide it; says why. The server decides again anyway. */
  blockedBecause?: string;
  approvePath: string;
  rejectPath: string;
  /** Sent with an approval besides the comment (a task run's digest: the approver approves what they saw). */
  approveExtra?: Record<string, string>;
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
    approvePath: `/api/promotions/${encodeURIComponent(p.promotionId)}/approvals`,
    rejectPath: `/api/promotions/${encodeURIComponent(p.promotionId)}/rejections`,
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
    approvePath: `/api/restores/${encodeURIComponent(r.restoreId)}/approvals`,
    rejectPath: `/api/restores/${encodeURIComponent(r.restoreId)}/rejections`,
  };
}

export function accessItem(a: AccessRequest, me: Me): InboxItem {
  return {
    key: `access:${a.requestId}`,
    kind: "access",
    title: `${a.extension ? "Extend access" : "Access"} to ${a.resourceName} for ${a.requesterName}`,
    href: `/inbox`,
    requestedBy: a.requesterName,
    requestedAt: a.requestedAt,
    why: `${a.justification} (for ${a.duration})`,
    until: a.deadline,
    approvals: `${a.approvedBy?.length ?? 0} of ${a.requiredApprovals} approvals`,
    blockedBecause: a.requesterId === me.subject && a.fourEyes ? "You requested this access: another approver decides." : undefined,
    approvePath: `/api/access-requests/${encodeURIComponent(a.requestId)}/approvals`,
    rejectPath: `/api/access-requests/${encodeURIComponent(a.requestId)}/rejections`,
  };
}

export function taskRunItem(r: TaskRun, me: Me): InboxItem {
  const parameters = Object.entries(r.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(", ");
  return {
    key: `task-run:${r.runId}`,
    kind: "task-run",
    title: `Run of task ${r.taskId} (version ${r.version})`,
    href: `/inbox`,
    requestedBy: r.requestedByName,
    requestedAt: r.requestedAt,
    why: parameters ? `Parameters: ${parameters}` : "No parameters",
    until: r.approvalDeadline,
    approvals: `${r.approvedBy?.length ?? 0} of ${r.requiredApprovals ?? 0} approvals`,
    blockedBecause: r.requestedById === me.subject ? "You requested this run: another approver decides." : undefined,
    approvePath: `/api/task-runs/${encodeURIComponent(r.runId)}/approvals`,
    rejectPath: `/api/task-runs/${encodeURIComponent(r.runId)}/rejections`,
    approveExtra: { digest: r.digest },
  };
}

/** Newest first; items the caller can act on before their own waiting ones. */
export function sortItems(items: InboxItem[]): InboxItem[] {
  return [...items].sort((a, b) => {
    if (!a.blockedBecause !== !b.blockedBecause) {
      return a.blockedBecause ? 1 : -1;
    }
    return b.requestedAt.localeCompare(a.requestedAt);
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
  const [pendingPromotions, pendingRestores, pendingAccess, pendingRuns, applications, restores] = await Promise.all([
    attempt("Releases", async () => asPage(await get<Promotion[] | Page<Promotion>>("/api/approvals/pending")), unavailable),
    attempt("Backups", () => get<Page<Restore>>("/api/restores/pending?limit=200"), unavailable, true),
    attempt("Access", () => get<Page<AccessRequest>>("/api/access-requests/pending?limit=200"), unavailable, true),
    attempt("Automation", async () => asPage(await get<TaskRun[] | Page<TaskRun>>("/api/task-runs/pending")), unavailable, true),
    attempt("Releases", () => get<Page<Application>>("/api/applications?limit=200"), unavailable, true),
    attempt("Backups", () => get<Page<Restore>>("/api/restores?limit=200"), unavailable, true),
  ]);
  const names = new Map((applications?.entries ?? []).map((a) => [a.id, a.name]));
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
    const item = accessItem(a, me);
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  for (const r of pendingRuns?.entries ?? []) {
    const item = taskRunItem(r, me);
    items.set(item.key, { ...item, blockedBecause: undefined });
  }
  // The caller's own requests: pending endpoints leave them out, the boards have them.
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
      const item = restoreItem(r, me);
      if (!items.has(item.key)) {
        items.set(item.key, item);
      }
    }
  }
  return { items: sortItems([...items.values()]), unavailable: dedupe(unavailable) };
}

function dedupe(unavailable: Inbox["unavailable"]): Inbox["unavailable"] {
  const seen = new Set<string>();
  return unavailable.filter((u) => !seen.has(u.source) && seen.add(u.source) !== undefined);
}
