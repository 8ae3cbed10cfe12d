import { get, query } from "../lib/api";
import { useLiveRefresh } from "../lib/live";
import { Link } from "../lib/router";
import { Loader, Status, Time, useLoad } from "../lib/ui";

interface Deployment { application: string; environment: string; version: string; outcome: string; recordedAt: string; recordedBy?: string; detail?: string; releaseId?: string }
interface Grant { grantId: string; user: string; target: string; status: string; openedAt?: string; reviewDeadline?: string; justification?: string }
interface Pending { kind: string; id: string; what: string; requestedBy?: string; deadline: string }
interface Run { runId: string; taskId: string; status: string; finishedAt: string; detail?: string }
export interface DailyReport {
  from: string; to: string; zone: string;
  deployments: { succeeded: Deployment[]; failed: Deployment[] };
  approvals: { freezeOverrides: Deployment[]; breakGlass: Grant[] };
  backups: { breached: string[]; atRisk: string[]; unprotected: string[]; restoreTestsOverdue: string[] };
  waiting: { approvalsNearDeadline: Pending[]; breakGlassReviewsOverdue: Grant[] };
  automation: { failedRuns: Run[] };
  missing: { service: string; reason: string }[];
  notChecked: string[];
}

/** One checklist item: a question, a verdict in words (and colour), and what makes it so. */
function Check({ question, ok, children }: { question: string; ok: boolean; children?: React.ReactNode }) {
  return (
    <li className="check" data-testid="check">
      <h2 className="check-q">{question} <Status value={ok ? "OK" : "LOOK"} tone={ok ? "good" : "bad"} /></h2>
      {children}
    </li>
  );
}

function DeploymentList({ items }: { items: Deployment[] }) {
  return (
    <ul>
      {items.map((d, i) => (
        <li key={i}>
          {d.releaseId ? <Link to={`/releases/${d.releaseId}`}>{d.application} {d.version}</Link> : `${d.application} ${d.version}`} → {d.environment},{" "}
          <Time value={d.recordedAt} />{d.recordedBy ? ` by ${d.recordedBy}` : ""}{d.detail ? ` — ${d.detail}` : ""}
        </li>
      ))}
    </ul>
  );
}

export function TodayPage() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const report = useLoad(() => get<DailyReport>(`/api/daily-report${query({ zone })}`), `today:${zone}`);
  useLiveRefresh(["release", "access", "backup", "automation"], report.reload);
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <Loader state={report} what="the daily report">
        {(r) => {
          const b = r.backups;
          const backupProblems = b.breached.length + b.atRisk.length + b.unprotected.length + b.restoreTestsOverdue.length;
          return (
            <>
              <p className="lead">Since <Time value={r.from} /> ({r.zone}).</p>
              {r.missing.map((m) => <div key={m.service + m.reason} role="alert" className="notice error">{m.service} could not be asked ({m.reason}): its part of the checklist is unknown.</div>)}
              <ul className="checklist">
                <Check question="Did yesterday's and today's deployments succeed?" ok={r.deployments.failed.length === 0}>
                  <p>{r.deployments.succeeded.length} succeeded, {r.deployments.failed.length} failed.</p>
                  {r.deployments.failed.length ? <DeploymentList items={r.deployments.failed} /> : null}
                </Check>
                <Check question="Was every deployment properly approved?" ok={r.approvals.freezeOverrides.length === 0 && r.approvals.breakGlass.length === 0}>
                  {r.approvals.freezeOverrides.length ? <><p>Deployed through a freeze override:</p><DeploymentList items={r.approvals.freezeOverrides} /></> : <p>No freeze override.</p>}
                  {r.approvals.breakGlass.length ? (
                    <><p>Break-glass access opened:</p><ul>{r.approvals.breakGlass.map((g) => <li key={g.grantId}>{g.user} on {g.target}, <Time value={g.openedAt} />{g.justification ? ` — ${g.justification}` : ""}</li>)}</ul></>
                  ) : <p>No break-glass access.</p>}
                  {r.notChecked.map((n) => <p key={n} className="muted small">Not checked: {n}</p>)}
                </Check>
                <Check question="Is every backup sufficient?" ok={backupProblems === 0}>
                  {backupProblems === 0 ? <p>Every target is compliant.</p> : (
                    <ul>
                      {b.breached.length ? <li>RPO breached: {b.breached.join(", ")}</li> : null}
                      {b.atRisk.length ? <li>At risk: {b.atRisk.join(", ")}</li> : null}
                      {b.unprotected.length ? <li>No policy: {b.unprotected.join(", ")}</li> : null}
                      {b.restoreTestsOverdue.length ? <li>Restore test overdue: {b.restoreTestsOverdue.join(", ")}</li> : null}
                    </ul>
                  )}
                  <p><Link to="/backups">Backups</Link></p>
                </Check>
                <Check question="Is anything waiting too long?" ok={r.waiting.approvalsNearDeadline.length === 0 && r.waiting.breakGlassReviewsOverdue.length === 0}>
                  {r.waiting.approvalsNearDeadline.length ? (
                    <ul>{r.waiting.approvalsNearDeadline.map((p) => <li key={p.kind + p.id}>{p.what}{p.requestedBy ? ` (asked by ${p.requestedBy})` : ""}: decide by <Time value={p.deadline} /> — <Link to="/inbox">Inbox</Link></li>)}</ul>
                  ) : <p>No approval of yours is near its deadline.</p>}
                  {r.waiting.breakGlassReviewsOverdue.length ? (
                    <ul>{r.waiting.breakGlassReviewsOverdue.map((g) => <li key={g.grantId}>Review of {g.user}'s break-glass access to {g.target} was due <Time value={g.reviewDeadline} /></li>)}</ul>
                  ) : <p>No break-glass review overdue.</p>}
                </Check>
                <Check question="Did any automation run fail?" ok={r.automation.failedRuns.length === 0}>
                  {r.automation.failedRuns.length ? (
                    <ul>{r.automation.failedRuns.map((run) => <li key={run.runId}>Task {run.taskId}: <Status value={run.status} />, <Time value={run.finishedAt} />{run.detail ? ` — ${run.detail}` : ""}</li>)}</ul>
                  ) : <p>No failed run.</p>}
                </Check>
              </ul>
            </>
          );
        }}
      </Loader>
    </section>
  );
}
