import { useId, useState } from "react";
import { describe, get, post, type Page } from "../lib/api";
import { useLiveRefresh } from "../lib/live";
import { Link } from "../lib/router";
import { hasAnyRole, useMe } from "../lib/session";
import type { BackupPolicy, BackupRun, SufficiencyEntry, SufficiencyReport } from "../lib/types";
import { duration, durationSeconds, Loader, Status, Time, useLoad } from "../lib/ui";

/** The share of the RPO the last good backup's age has used, 0..1+ (null when unknown). */
export function rpoUsed(entry: SufficiencyEntry): number | null {
  const age = durationSeconds(entry.lastGoodBackupAge);
  const rpo = durationSeconds(entry.rpo);
  return age === null || !rpo ? null : age / rpo;
}

export function BackupsPage() {
  const me = useMe();
  const report = useLoad(() => get<SufficiencyReport>("/api/backup-sufficiency"), "sufficiency");
  const policies = useLoad(() => get<Page<BackupPolicy>>("/api/backup-policies?limit=100"), "policies");
  const [cursor, setCursor] = useState<string | null>(null);
  const runs = useLoad(() => get<Page<BackupRun>>(`/api/backups?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), `runs:${cursor}`);
  useLiveRefresh(["backup"], () => { report.reload(); runs.reload(); });
  const names = new Map((report.data?.entries ?? []).map((e) => [e.targetId, e.name]));
  return (
    <section aria-labelledby="backups-title">
      <h1 id="backups-title">Backups</h1>
      <h2>Sufficiency</h2>
      <Loader state={report} what="the sufficiency report" isEmpty={(r) => r.entries.length === 0} empty="No backup targets are declared yet.">
        {(r) => (
          <>
            <p className="summary">
              {r.targets} targets: <Status value="COMPLIANT" /> {r.compliant} · <Status value="AT_RISK" /> {r.atRisk} ·{" "}
              <Status value="BREACHED" /> {r.breached} · <Status value="UNPROTECTED" /> {r.unprotected} (assessed <Time value={r.assessedAt} />)
            </p>
            <div className="table-wrap">
              <table aria-label="Sufficiency per target">
                <thead><tr><th scope="col">Target</th><th scope="col">State</th><th scope="col">Last good backup against RPO</th><th scope="col">Last verified restore</th></tr></thead>
                <tbody>
                  {r.entries.map((e) => {
                    const used = rpoUsed(e);
                    return (
                      <tr key={e.targetId}>
                        <th scope="row">{e.name} <span className="muted small">{e.kind.toLowerCase()}</span></th>
                        <td><span className={`light light-${e.state.toLowerCase()}`} aria-hidden="true" /> <Status value={e.state} /></td>
                        <td>
                          {used === null ? <span className="muted">{e.policyId ? "no good backup yet" : "no policy"}</span> : (
                            <>
                              <meter min={0} max={1} low={0.8} high={0.99} optimum={0} value={Math.min(used, 1)}
                                     aria-label={`${e.name}: ${Math.round(used * 100)} % of the RPO used`} />{" "}
                              {duration(e.lastGoodBackupAge)} of {duration(e.rpo)} <span className="muted small">(<Time value={e.lastGoodBackupAt} />)</span>
                            </>
                          )}
                          {e.newestBackupUnusable ? <div className="bad-text">The newest backup is unusable.</div> : null}
                        </td>
                        <td><Time value={e.lastVerifiedAt} />{e.verificationOverdue ? <div className="bad-text">Restore test overdue</div> : null}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Loader>

      <h2>Policies</h2>
      <Loader state={policies} what="backup policies" isEmpty={(p) => p.entries.length === 0} empty="No backup policies yet.">
        {(page) => (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Target</th><th scope="col">Version</th><th scope="col">Schedule</th><th scope="col">RPO</th><th scope="col">Retention</th><th scope="col">Restore approval</th></tr></thead>
              <tbody>
                {page.entries.map((p) => (
                  <tr key={p.policyId}>
                    <td>{names.get(p.targetId) ?? p.targetId}</td>
                    <td>{p.version}</td>
                    <td><code>{p.cron}</code> {p.zone}</td>
                    <td>{duration(p.rpo)}</td>
                    <td>last {p.keepLast}, {p.keepDaily} daily, {p.keepWeekly} weekly, {p.keepMonthly} monthly</td>
                    <td>{p.requiredApprovals} of {p.approverRoles.join(", ")}{p.fourEyes ? ", four eyes" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loader>

      <h2>Runs</h2>
      <Loader state={runs} what="backup runs" isEmpty={(p) => p.entries.length === 0} empty="No backup has run yet.">
        {(page) => (
          <>
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">Target</th><th scope="col">Status</th><th scope="col">Completed</th><th scope="col">Size</th><th scope="col">SHA-256</th><th scope="col">Verification</th>{hasAnyRole(me, "backup-operator") ? <th scope="col">Restore</th> : null}</tr></thead>
                <tbody>
                  {page.entries.map((run) => (
                    <tr key={run.runId}>
                      <td><Link to={`/backups/runs/${encodeURIComponent(run.runId)}`}>{run.targetName}</Link> <span className="muted small">{run.trigger.toLowerCase()}</span></td>
                      <td><Status value={run.expired ? "EXPIRED" : run.status} />{run.failureReason ? <div className="small">{run.failureReason}</div> : null}</td>
                      <td><Time value={run.completedAt ?? run.requestedAt} /></td>
                      <td>{bytes(run.sizeBytes)}</td>
                      <td>{run.sha256 ? <code title={run.sha256}>{run.sha256.slice(0, 12)}…</code> : "—"}</td>
                      <td>{run.verification ? <Status value={run.verification} /> : "—"}{run.verifiedAt ? <> <Time value={run.verifiedAt} /></> : null}</td>
                      {hasAnyRole(me, "backup-operator") ? <td>{run.status === "SUCCEEDED" && !run.expired ? <RequestRestore run={run} /> : null}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Run pages">
              {cursor ? <button type="button" onClick={() => setCursor(null)}>Newest</button> : null}
              {page.nextCursor ? <button type="button" onClick={() => setCursor(page.nextCursor ?? null)}>Older</button> : null}
            </nav>
          </>
        )}
      </Loader>
    </section>
  );
}

/** One backup run, the page a promotion's timeline links its pre-deploy backup to. */
export function BackupRunPage({ id }: { id: string }) {
  const run = useLoad(() => get<BackupRun>(`/api/backups/${encodeURIComponent(id)}`), `backup-run:${id}`);
  useLiveRefresh(["backup"], run.reload);
  return (
    <section aria-labelledby="backup-run-title">
      <h1 id="backup-run-title">Backup run</h1>
      <p><Link to="/backups">All backups</Link></p>
      <Loader state={run} what="the backup run">
        {(r) => (
          <dl className="facts" data-testid="backup-run">
            <div><dt>Target</dt><dd>{r.targetName}</dd></div>
            <div><dt>Status</dt><dd><Status value={r.expired ? "EXPIRED" : r.status} />{r.failureReason ? ` — ${r.failureReason}` : ""}</dd></div>
            <div><dt>Trigger</dt><dd>{r.trigger.toLowerCase()}{r.requestedBy ? `, by ${r.requestedBy}` : ""}</dd></div>
            <div><dt>Requested</dt><dd><Time value={r.requestedAt} /></dd></div>
            <div><dt>Completed</dt><dd><Time value={r.completedAt} /></dd></div>
            <div><dt>Size</dt><dd>{bytes(r.sizeBytes)}</dd></div>
            <div><dt>SHA-256</dt><dd>{r.sha256 ? <code className="wrap">{r.sha256}</code> : "—"}</dd></div>
            <div><dt>Verification</dt><dd>{r.verification ? <Status value={r.verification} /> : "not verified"}{r.verifiedAt ? <> <Time value={r.verifiedAt} /></> : null}{r.verificationDetail ? ` — ${r.verificationDetail}` : ""}</dd></div>
            <div><dt>Run id</dt><dd><code>{r.runId}</code></dd></div>
          </dl>
        )}
      </Loader>
    </section>
  );
}

export function bytes(size?: number | null): string {
  if (size === null || size === undefined) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function RequestRestore({ run }: { run: BackupRun }) {
  const [destination, setDestination] = useState("ORIGINAL");
  const [name, setName] = useState("");
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: string }>({});
  const kindId = useId();
  const nameId = useId();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      await post("/api/restores", { runId: run.runId, destination, destinationName: destination === "ORIGINAL" ? undefined : name });
      setState({ done: "Restore requested; it waits for approval." });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <details>
      <summary>Request a restore</summary>
      <form onSubmit={submit} className="stack" aria-label={`Restore run of ${run.targetName}`}>
        <label htmlFor={kindId}>Destination</label>
        <select id={kindId} value={destination} onChange={(e) => setDestination(e.target.value)}>
          <option value="ORIGINAL">the original target</option>
          <option value="NEW_DATABASE">a new database</option>
          <option value="NEW_DIRECTORY">a new directory</option>
        </select>
        {destination !== "ORIGINAL" ? (
          <>
            <label htmlFor={nameId}>{destination === "NEW_DATABASE" ? "Database name" : "Absolute folder"}</label>
            <input id={nameId} value={name} required maxLength={1024} onChange={(e) => setName(e.target.value)} />
          </>
        ) : null}
        <button type="submit" disabled={state.busy}>Request restore</button>
        {state.done ? <span role="status" className="notice ok">{state.done}</span> : null}
        {state.error ? <span role="alert" className="notice error">{describe(state.error)}</span> : null}
      </form>
    </details>
  );
}
