import { useId, useState } from "react";
import { describe, get, post, type Page } from "../lib/api";
import { useLiveRefresh } from "../lib/live";
import { Link } from "../lib/router";
import { hasAnyRole, useMe } from "../lib/session";
import type { Application, Board, Promotion, Release } from "../lib/types";
import { Loader, Status, Time, useLoad } from "../lib/ui";

interface BoardRow {
  application: Application;
  board?: Board;
  error?: unknown;
}

/** Every application's board; columns are the environments in the order lifecycles name them. */
async function loadBoards(): Promise<{ rows: BoardRow[]; environments: string[]; nextCursor?: string | null }> {
  const applications = await get<Page<Application>>("/api/applications?limit=100");
  const rows = await Promise.all(applications.entries.map(async (application) => {
    try {
      return { application, board: await get<Board>(`/api/environments/board?application=${encodeURIComponent(application.id)}`) };
    } catch (error) {
      return { application, error };
    }
  }));
  return { rows, environments: environmentColumns(rows), nextCursor: applications.nextCursor };
}

export function environmentColumns(rows: BoardRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) {
    const names = row.board?.environments.map((e) => e.environment) ?? row.application.environments.map((e) => e.name);
    let insertAt = 0;
    for (const name of names) {
      const at = columns.indexOf(name);
      if (at === -1) {
        columns.splice(insertAt, 0, name);
        insertAt++;
      } else {
        insertAt = at + 1;
      }
    }
  }
  return columns;
}

export function ReleasesPage() {
  const boards = useLoad(loadBoards, "boards");
  useLiveRefresh(["release"], boards.reload);
  return (
    <section aria-labelledby="releases-title">
      <h1 id="releases-title">Releases</h1>
      <h2>Environment board</h2>
      <Loader state={boards} what="the environment board" isEmpty={(d) => d.rows.length === 0} empty="No applications are registered yet.">
        {(data) => (
          <div className="table-wrap">
            <table className="board" aria-label="Environment board: applications by environment">
              <thead>
                <tr><th scope="col">Application</th>{data.environments.map((env) => <th scope="col" key={env}>{env}</th>)}</tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.application.id} data-testid={`board-row-${row.application.name}`}>
                    <th scope="row">
                      <Link to={`/applications/${row.application.id}`}>{row.application.name}</Link>
                      <div className="muted small">{row.application.owningTeam}</div>
                    </th>
                    {data.environments.map((env) => <BoardCell key={env} row={row} environment={env} />)}
                  </tr>
                ))}
              </tbody>
            </table>
            {data.nextCursor ? <p className="muted">Showing the first 100 applications.</p> : null}
          </div>
        )}
      </Loader>
    </section>
  );
}

function BoardCell({ row, environment }: { row: BoardRow; environment: string }) {
  if (row.error) {
    return <td className="muted" title={describe(row.error)}>unavailable</td>;
  }
  const slot = row.board?.environments.find((e) => e.environment === environment);
  if (!slot) {
    return <td className="muted">not in lifecycle</td>;
  }
  return (
    <td data-testid={`cell-${environment}`}>
      {slot.current ? (
        <div>
          <Link to={`/releases/${slot.current.releaseId}`} className="version">{slot.current.version}</Link>{" "}
          <Status value="DEPLOYED" /> <span className="small muted"><Time value={slot.current.deployedAt} /></span>
        </div>
      ) : <div className="muted">nothing deployed</div>}
      {slot.incoming ? (
        <div className="incoming">
          <span aria-hidden="true">→ </span>
          <Link to={`/releases/${slot.incoming.releaseId}`} className="version">{slot.incoming.version}</Link>{" "}
          <Status value={slot.incoming.status} />
        </div>
      ) : null}
    </td>
  );
}

export function ApplicationPage({ id }: { id: string }) {
  const application = useLoad(() => get<Application>(`/api/applications/${encodeURIComponent(id)}`), `app:${id}`);
  const [cursor, setCursor] = useState<string | null>(null);
  const releases = useLoad(() => get<Page<Release>>(`/api/releases?application=${encodeURIComponent(id)}&limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), `rel:${id}:${cursor}`);
  useLiveRefresh(["release"], releases.reload);
  return (
    <section aria-labelledby="app-title">
      <Loader state={application} what="the application">
        {(app) => (
          <>
            <h1 id="app-title">{app.name}</h1>
            <dl className="facts">
              <div><dt>Team</dt><dd>{app.owningTeam}</dd></div>
              <div><dt>Repository</dt><dd>{app.repositoryUrl}</dd></div>
              <div><dt>Lifecycle</dt><dd>{app.environments.map((e) => e.name).join(" → ") || "not defined"} (version {app.lifecycleVersion})</dd></div>
            </dl>
          </>
        )}
      </Loader>
      <h2>Releases</h2>
      <Loader state={releases} what="releases" isEmpty={(p) => p.entries.length === 0} empty="No releases yet.">
        {(page) => (
          <>
            <table>
              <thead><tr><th scope="col">Version</th><th scope="col">Commit</th><th scope="col">Created</th><th scope="col">By</th></tr></thead>
              <tbody>
                {page.entries.map((r) => (
                  <tr key={r.releaseId}>
                    <td><Link to={`/releases/${r.releaseId}`}>{r.version}</Link></td>
                    <td><code>{r.commitSha}</code></td>
                    <td><Time value={r.createdAt} /></td>
                    <td>{r.createdBy?.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label="Release pages">
              {cursor ? <button type="button" onClick={() => setCursor(null)}>Newest</button> : null}
              {page.nextCursor ? <button type="button" onClick={() => setCursor(page.nextCursor ?? null)}>Older</button> : null}
            </nav>
          </>
        )}
      </Loader>
    </section>
  );
}

interface ReleaseAnswer {
  release: Release;
  promotions: Promotion[];
}

export function ReleasePage({ id }: { id: string }) {
  const me = useMe();
  const answer = useLoad(async () => {
    const release = await get<ReleaseAnswer>(`/api/releases/${encodeURIComponent(id)}`);
    const application = await get<Application>(`/api/applications/${encodeURIComponent(release.release.applicationId)}`);
    return { ...release, application };
  }, `release:${id}`);
  useLiveRefresh(["release"], answer.reload);
  return (
    <section aria-labelledby="release-title">
      <Loader state={answer} what="the release">
        {({ release, promotions, application }) => (
          <>
            <h1 id="release-title">{application.name} {release.version}</h1>
            <dl className="facts">
              <div><dt>Application</dt><dd><Link to={`/applications/${application.id}`}>{application.name}</Link></dd></div>
              <div><dt>Commit</dt><dd><code>{release.commitSha}</code></dd></div>
              <div><dt>Artifact</dt><dd><code>{release.artifactReference}</code></dd></div>
              <div><dt>Created</dt><dd>{release.createdBy?.name}, <Time value={release.createdAt} /></dd></div>
              {release.notes ? <div><dt>Notes</dt><dd>{release.notes}</dd></div> : null}
            </dl>
            {hasAnyRole(me, "developer") ? (
              <RequestPromotion releaseId={release.releaseId} environments={application.environments.map((e) => e.name)} onDone={answer.reload} />
            ) : null}
            {hasAnyRole(me, "developer", "release-manager") ? (
              <RequestRollback releaseId={release.releaseId} environments={application.environments.map((e) => e.name)} onDone={answer.reload} />
            ) : null}
            <h2>Promotion timeline</h2>
            {promotions.length === 0 ? <p className="empty">Not promoted anywhere yet.</p> : (
              <ol className="timeline" aria-label="Promotions, oldest first">
                {[...promotions].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)).map((p) => <PromotionSteps key={p.promotionId} promotion={p} />)}
              </ol>
            )}
          </>
        )}
      </Loader>
    </section>
  );
}

export function PromotionSteps({ promotion: p }: { promotion: Promotion }) {
  return (
    <li className="timeline-item" data-testid="promotion" data-status={p.status}>
      <h3>{p.rollbackOf ? "Rollback" : "Promotion"} to {p.environment} <Status value={p.status} /></h3>
      <ol className="steps">
        <li>Requested by <strong>{p.requestedBy?.name}</strong>, <Time value={p.requestedAt} />{p.reason ? ` — ${p.reason}` : ""}</li>
        {p.requiredApprovals ? (
          <li>
            Approvals {p.approvedBy.length} of {p.requiredApprovals} ({(p.approverRoles ?? []).join(", ")}{p.fourEyes ? ", four eyes" : ""})
            {p.approvedBy.length ? <>: {p.approvedBy.map((a) => a.name).join(", ")}</> : null}
            {p.approvalDeadline ? <> · decide by <Time value={p.approvalDeadline} /></> : null}
          </li>
        ) : <li>No approval needed</li>}
        {p.freezeOverridden ? <li>Freeze overridden</li> : null}
        {p.waitingUntil ? <li>Waiting until <Time value={p.waitingUntil} />{p.waitReason ? ` (${p.waitReason})` : ""}</li> : null}
        {p.backupRunId ? (
          <li>Pre-deploy backup: <Link to={`/backups/runs/${encodeURIComponent(p.backupRunId)}`}>backup run {p.backupRunId.slice(0, 8)}</Link>
            {p.backupSha256 ? <> <span className="small muted">SHA-256 <code title={p.backupSha256}>{p.backupSha256.slice(0, 12)}…</code></span></> : null}
          </li>
        ) : null}
        {p.deployRunId ? (
          <li>Deployed by <Link to={`/automation/runs/${encodeURIComponent(p.deployRunId)}`}>task run {p.deployRunId.slice(0, 8)}</Link></li>
        ) : null}
        {p.outcomeBy ? (
          <li>{p.status.toLowerCase()} by <strong>{p.outcomeBy.name}</strong>, <Time value={p.updatedAt} />
            {p.outcomeDetail ? <> — {/^https?:\/\//.test(p.outcomeDetail)
              ? <a href={p.outcomeDetail} rel="noreferrer noopener">{p.outcomeDetail}</a> : p.outcomeDetail}</> : null}
          </li>
        ) : <li>Last change <Time value={p.updatedAt} /></li>}
      </ol>
    </li>
  );
}

function RequestPromotion({ releaseId, environments, onDone }: { releaseId: string; environments: string[]; onDone: () => void }) {
  const [environment, setEnvironment] = useState(environments[0] ?? "");
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: string }>({});
  const selectId = useId();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      await post(`/api/releases/${encodeURIComponent(releaseId)}/promotions`, { environment });
      setState({ done: `Promotion to ${environment} requested.` });
      onDone();
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Request promotion">
      <label htmlFor={selectId}>Promote to</label>
      <select id={selectId} value={environment} onChange={(e) => setEnvironment(e.target.value)}>
        {environments.map((env) => <option key={env} value={env}>{env}</option>)}
      </select>
      <button type="submit" className="primary" disabled={state.busy || !environment}>Request promotion</button>
      {state.done ? <span role="status" className="notice ok">{state.done}</span> : null}
      {state.error ? <span role="alert" className="notice error">{describe(state.error)}</span> : null}
    </form>
  );
}

function RequestRollback({ releaseId, environments, onDone }: { releaseId: string; environments: string[]; onDone: () => void }) {
  const [environment, setEnvironment] = useState(environments[0] ?? "");
  const [reason, setReason] = useState("");
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: string }>({});
  const selectId = useId();
  const reasonId = useId();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      await post(`/api/releases/${encodeURIComponent(releaseId)}/rollback`, { environment, reason });
      setState({ done: `Rollback in ${environment} requested.` });
      onDone();
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <details className="rollback">
      <summary>Roll back this release</summary>
      <form className="inline-form" onSubmit={submit} aria-label="Request rollback">
        <label htmlFor={selectId}>Environment</label>
        <select id={selectId} value={environment} onChange={(e) => setEnvironment(e.target.value)}>
          {environments.map((env) => <option key={env} value={env}>{env}</option>)}
        </select>
        <label htmlFor={reasonId}>Reason</label>
        <input id={reasonId} value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={state.busy}>Request rollback</button>
        {state.done ? <span role="status" className="notice ok">{state.done}</span> : null}
        {state.error ? <span role="alert" className="notice error">{describe(state.error)}</span> : null}
      </form>
    </details>
  );
}

