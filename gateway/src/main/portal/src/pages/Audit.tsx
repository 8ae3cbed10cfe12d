import { useId, useState } from "react";
import { get, query } from "../lib/api";
import { Link, navigate, usePath } from "../lib/router";
import type { AuditAnswer, AuditEntry, AuditVerification } from "../lib/types";
import { Loader, Status, Time, useLoad } from "../lib/ui";

const FILTERS = ["actor", "service", "type", "aggregateId", "from", "to"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** datetime-local (browser's zone, no offset) → an ISO instant; the gateway takes instants. */
export function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function AuditPage() {
  const { search } = usePath();
  const filters: Filters = {};
  FILTERS.forEach((key) => {
    const value = search.get(key);
    if (value) filters[key] = value;
  });
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const key = JSON.stringify(filters);
  const [lastKey, setLastKey] = useState(key);
  if (lastKey !== key) {
    setLastKey(key);
    setCursors([]);
  }
  const page = useLoad(() => get<AuditAnswer>(`/api/audit${query({
    actor: filters.actor, service: filters.service, type: filters.type, aggregateId: filters.aggregateId,
    from: toInstant(filters.from ?? ""), to: toInstant(filters.to ?? ""), cursor, limit: 50,
  })}`), `${key}|${cursor ?? ""}`);
  const verify = useLoad(() => get<AuditVerification>("/api/audit/verify"), "verify");

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit</h1>
      <h2>Chain verification</h2>
      <Loader state={verify} what="the chain verification">
        {(v) => (
          <ul className="chips" aria-label="Hash chain per service">
            {v.chains.map((c) => (
              <li key={c.service} data-testid={`chain-${c.service}`}>
                {c.service}: <Status value={c.valid ? "VERIFIED" : "BROKEN"} tone={c.valid ? "good" : "bad"} /> {c.entries} entries
                {c.valid ? null : <> — first broken entry {c.firstBrokenGlobalIndex}{c.tampering ? <> ({c.tampering.toLowerCase()})</> : null}: {c.reason}</>}
                {c.checkpointGlobalIndex == null ? null : <> · signed up to entry {c.checkpointGlobalIndex}</>}
              </li>
            ))}
            {v.missing.map((m) => <li key={m.service}>{m.service}: <Status value="NOT ASKED" tone="bad" /> {m.reason}</li>)}
          </ul>
        )}
      </Loader>
      <h2>Trail</h2>
      <AuditFilters initial={filters} />
      <Loader state={page} what="the audit trail" isEmpty={(p) => p.entries.length === 0 && p.missing.length === 0} empty="No audit entries match.">
        {(p) => (
          <>
            {p.missing.map((m) => <div key={m.service} role="alert" className="notice error">{m.service} is missing from this page: {m.reason}</div>)}
            <AuditTable entries={p.entries} />
            <nav className="pager" aria-label="Audit pages">
              {cursors.length ? <button type="button" onClick={() => setCursors([])}>Newest first page</button> : null}
              {p.nextCursor ? <button type="button" onClick={() => setCursors([...cursors, p.nextCursor!])}>Next page</button> : null}
            </nav>
          </>
        )}
      </Loader>
    </section>
  );
}

function AuditFilters({ initial }: { initial: Filters }) {
  const [values, setValues] = useState<Filters>(initial);
  const base = useId();
  const labels: Record<(typeof FILTERS)[number], string> = {
    actor: "Actor", service: "Service", type: "Event type", aggregateId: "Aggregate id", from: "From", to: "To",
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    navigate(`/audit${query(values)}`);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Audit filters">
      {FILTERS.map((key) => (
        <div key={key} className="field">
          <label htmlFor={`${base}-${key}`}>{labels[key]}</label>
          {key === "service" ? (
            <select id={`${base}-${key}`} value={values.service ?? ""} onChange={(e) => setValues({ ...values, service: e.target.value })}>
              <option value="">all</option>
              {["release", "access", "backup", "automation"].map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          ) : (
            <input id={`${base}-${key}`} type={key === "from" || key === "to" ? "datetime-local" : "text"}
                   value={values[key] ?? ""} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          )}
        </div>
      ))}
      <div className="field actions">
        <button type="submit" className="primary">Filter</button>
        <button type="button" onClick={() => { setValues({}); navigate("/audit"); }}>Clear</button>
      </div>
    </form>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table aria-label="Audit entries">
        <thead>
          <tr><th scope="col">Time</th><th scope="col">Service</th><th scope="col">Actor</th><th scope="col">Event</th><th scope="col">Aggregate</th><th scope="col">Chain</th></tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.service}:${e.globalIndex}`} data-testid="audit-entry">
              <td><Time value={e.time} /></td>
              <td>{e.service}</td>
              <td>{e.actorName ?? e.actorId ?? "—"}</td>
              <td><strong>{e.type}</strong><details><summary>Details</summary><pre className="summary-json">{pretty(e.summary)}</pre></details></td>
              <td>{e.aggregateType} <code title={e.aggregateId}>{e.aggregateId.slice(0, 8)}</code></td>
              <td>{e.correlationId ? <Link to={`/audit/chains/${encodeURIComponent(e.correlationId)}`}>correlation chain</Link> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function pretty(summary: string): string {
  try {
    return JSON.stringify(JSON.parse(summary), null, 2);
  } catch {
    return summary;
  }
}

export interface ChainNode {
  entry: AuditEntry;
  children: ChainNode[];
}

/** The causal tree: an entry hangs under the entry whose event caused it; the rest are roots, in time order. */
export function causalTree(entries: AuditEntry[]): ChainNode[] {
  const sorted = [...entries].sort((a, b) => a.time.localeCompare(b.time) || a.globalIndex - b.globalIndex);
  const nodes = new Map(sorted.map((entry) => [entry.eventId, { entry, children: [] as ChainNode[] }]));
  const roots: ChainNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.entry.causationId ? nodes.get(node.entry.causationId) : undefined;
    if (parent && parent !== node) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

async function loadChain(correlationId: string): Promise<AuditAnswer> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  let missing: AuditAnswer["missing"] = [];
  // A chain is one story: read it whole (bounded, in case an id is shared by a runaway loop).
  for (let pages = 0; pages < 10; pages++) {
    const page = await get<AuditAnswer>(`/api/audit${query({ correlationId, cursor, limit: 200 })}`);
    entries.push(...page.entries);
    missing = page.missing;
    if (!page.nextCursor) {
      return { entries, missing, nextCursor: null };
    }
    cursor = page.nextCursor;
  }
  return { entries, missing, nextCursor: cursor };
}

export function ChainPage({ correlationId }: { correlationId: string }) {
  const chain = useLoad(() => loadChain(correlationId), correlationId);
  return (
    <section aria-labelledby="chain-title">
      <h1 id="chain-title">Correlation chain</h1>
      <p className="lead"><code>{correlationId}</code>: every step across services that one request set off, in causal order.</p>
      <Loader state={chain} what="the chain" isEmpty={(c) => c.entries.length === 0} empty="No entries carry this correlation id.">
        {(c) => (
          <>
            {c.missing.map((m) => <div key={m.service} role="alert" className="notice error">{m.service} is missing: {m.reason}</div>)}
            <ChainTree nodes={causalTree(c.entries)} />
            {c.nextCursor ? <p className="muted">Only the first 2000 entries are shown.</p> : null}
          </>
        )}
      </Loader>
    </section>
  );
}

function ChainTree({ nodes }: { nodes: ChainNode[] }) {
  return (
    <ol className="chain">
      {nodes.map((node) => (
        <li key={node.entry.eventId} data-testid="chain-entry">
          <strong>{node.entry.type}</strong> <span className="muted">{node.entry.service}</span> by {node.entry.actorName ?? node.entry.actorId ?? "—"},{" "}
          <Time value={node.entry.time} />
          {node.children.length ? <ChainTree nodes={node.children} /> : null}
        </li>
      ))}
    </ol>
  );
}
