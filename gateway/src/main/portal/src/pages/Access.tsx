import { useId, useState } from "react";
import { describe, get, post, problemFields, query, type Page } from "../lib/api";
import { useLiveRefresh } from "../lib/live";
import { usePath } from "../lib/router";
import { hasAnyRole, useMe } from "../lib/session";
import type { AccessRequest, AccessReview, AccessReviewItem, Grant, Resource } from "../lib/types";
import { duration, durationSeconds, FieldError, Loader, ProblemNotice, Status, Time, timeLeft, useLoad, useNow } from "../lib/ui";

/** The roles access-service lets read everyone's grants, members and review campaigns (its Roles.SEES_EVERYONE). */
export const SEES_EVERYONE = ["auditor", "admin", "approver"];

/**
 * Rules without a field in their problem, mapped to the input they are about, so the API's own
 * sentence ("The duration must be more than 0 and at most PT8H") shows next to that input.
 */
const REQUEST_FIELD_OF_CODE: Record<string, string> = {
  "access-request.duration-out-of-range": "duration",
  "access-request.justification-required": "justification",
  "resource.not-found": "resourceId",
  "access-request.role-not-allowed": "resourceId",
  "access-request.already-active": "resourceId",
};

export type DurationUnit = "M" | "H" | "D";

/** 90 and "M" → PT90M; the ISO-8601 form the API reads (java.time.Duration). */
export function isoDuration(amount: string, unit: DurationUnit): string {
  const n = amount.trim();
  return unit === "D" ? `P${n}D` : `PT${n}${unit}`;
}

export function AccessPage() {
  const me = useMe();
  const { search } = usePath();
  const resources = useLoad(() => get<Page<Resource>>("/api/resources?limit=200"), "resources");
  const requests = useLoad(() => get<Page<AccessRequest>>("/api/access-requests?mine=true&limit=25"), "my-requests");
  const grants = useLoad(() => get<Page<Grant>>(`/api/grants${query({ user: me.subject, limit: 50 })}`), `my-grants:${me.subject}`);
  useLiveRefresh(["access"], () => { requests.reload(); grants.reload(); });
  const names = new Map((resources.data?.entries ?? []).map((r) => [r.resourceId, r.name]));
  const seesEveryone = hasAnyRole(me, ...SEES_EVERYONE);
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">Access</h1>
      <p className="lead">Ask for access to a resource, see what you hold and for how long{seesEveryone ? ", who had access when, and review campaigns" : ""}.</p>
      <div className="split">
        <div>
          <h2>Request access</h2>
          <Loader state={resources} what="resources" isEmpty={(p) => p.entries.length === 0} empty="No resources are registered yet: an admin registers them.">
            {(page) => <RequestAccessForm resources={page.entries} onDone={requests.reload} />}
          </Loader>
        </div>
        <div>
          <h2>My grants</h2>
          <Loader state={grants} what="your grants" isEmpty={(p) => p.entries.length === 0} empty="You hold no access granted through OpsLedger.">
            {(page) => <MyGrants grants={page.entries} names={names} onChanged={grants.reload} />}
          </Loader>
        </div>
      </div>
      <h2>My requests</h2>
      <Loader state={requests} what="your requests" isEmpty={(p) => p.entries.length === 0} empty="You have not asked for access yet.">
        {(page) => (
          <div className="table-wrap">
            <table aria-label="My access requests" data-testid="my-requests">
              <thead><tr><th scope="col">Resource</th><th scope="col">Duration</th><th scope="col">Status</th><th scope="col">Requested</th><th scope="col">Decide by</th><th scope="col">Approvals</th></tr></thead>
              <tbody>
                {page.entries.map((r) => (
                  <tr key={r.requestId}>
                    <td>{r.extension ? "Extension: " : ""}{r.resourceName}<div className="small muted">{r.justification}</div></td>
                    <td>{duration(r.duration)}</td>
                    <td><Status value={r.status} />{r.outcomeDetail ? <div className="small">{r.outcomeDetail}</div> : null}</td>
                    <td><Time value={r.requestedAt} /></td>
                    <td><Time value={r.deadline} /></td>
                    <td>{r.approvedBy.length} of {r.requiredApprovals}{r.approvedByNames?.length ? `: ${r.approvedByNames.join(", ")}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loader>
      {seesEveryone ? (
        <>
          <h2>Members of a resource</h2>
          <Loader state={resources} what="resources" isEmpty={(p) => p.entries.length === 0} empty="No resources are registered yet.">
            {(page) => <Members resources={page.entries} />}
          </Loader>
          <h2>Access reviews</h2>
          <Reviews names={names} initial={search.get("review")} />
        </>
      ) : null}
    </section>
  );
}

function RequestAccessForm({ resources, onDone }: { resources: Resource[]; onDone: () => void }) {
  const [resourceId, setResourceId] = useState("");
  const [justification, setJustification] = useState("");
  const [amount, setAmount] = useState("1");
  const [unit, setUnit] = useState<DurationUnit>("H");
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: string }>({});
  const ids = { resource: useId(), justification: useId(), duration: useId(), unit: useId(), hint: useId() };
  const chosen = resources.find((r) => r.resourceId === resourceId);
  const maxHint = chosen !== undefined && durationSeconds(chosen.maxDuration) !== null;
  const fields = problemFields(state.error, REQUEST_FIELD_OF_CODE);
  const general = state.error && Object.keys(fields).length === 0 ? state.error : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      // No check of our own: the API's answer, field by field, is the one set of messages.
      await post("/api/access-requests", { resourceId, justification, duration: isoDuration(amount, unit) });
      setState({ done: `Access to ${chosen?.name ?? "the resource"} requested; it waits for approval.` });
      setJustification("");
      onDone();
    } catch (error) {
      setState({ error });
    }
  };
  const errorProps = (field: string, id: string) => (fields[field] ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {});

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Request access">
      <div className="field">
        <label htmlFor={ids.resource}>Resource</label>
        <select id={ids.resource} value={resourceId} onChange={(e) => setResourceId(e.target.value)} {...errorProps("resourceId", ids.resource)}>
          <option value="">Choose a resource…</option>
          {resources.map((r) => <option key={r.resourceId} value={r.resourceId}>{r.name}</option>)}
        </select>
        {chosen ? (
          <p className="hint">
            {chosen.description ? `${chosen.description} · ` : ""}at most {duration(chosen.maxDuration)} · {chosen.requiredApprovals} approval{chosen.requiredApprovals === 1 ? "" : "s"} by {chosen.approverRoles.join(", ")}{chosen.fourEyes ? ", four eyes" : ""}
          </p>
        ) : null}
        <FieldError id={`${ids.resource}-error`} message={fields.resourceId} />
      </div>
      <div className="field">
        <label htmlFor={ids.justification}>Justification</label>
        <textarea id={ids.justification} rows={2} maxLength={2000} value={justification} onChange={(e) => setJustification(e.target.value)} {...errorProps("justification", ids.justification)} />
        <FieldError id={`${ids.justification}-error`} message={fields.justification} />
      </div>
      <div className="field">
        <label htmlFor={ids.duration}>Duration</label>
        <div className="duration-input">
          <input id={ids.duration} type="number" inputMode="numeric" min={1} value={amount} onChange={(e) => setAmount(e.target.value)}
                 {...(fields.duration ? { "aria-invalid": true, "aria-describedby": `${ids.duration}-error` } : maxHint ? { "aria-describedby": ids.hint } : {})} />
          <label htmlFor={ids.unit} className="visually-hidden">Unit</label>
          <select id={ids.unit} value={unit} onChange={(e) => setUnit(e.target.value as DurationUnit)}>
            <option value="M">minutes</option>
            <option value="H">hours</option>
            <option value="D">days</option>
          </select>
        </div>
        {maxHint ? <p id={ids.hint} className="hint">The resource allows at most {duration(chosen?.maxDuration)}.</p> : null}
        <FieldError id={`${ids.duration}-error`} message={fields.duration} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={state.busy}>Request access</button>
      </div>
      {state.done ? <p role="status" className="notice ok">{state.done}</p> : null}
      {general ? <ProblemNotice error={general} /> : null}
      {Object.keys(fields).length ? <p role="alert" className="notice error">The request was refused: see the fields above.</p> : null}
    </form>
  );
}

function MyGrants({ grants, names, onChanged }: { grants: Grant[]; names: Map<string, string>; onChanged: () => void }) {
  const now = useNow(30_000);
  const [state, setState] = useState<{ error?: unknown; done?: string }>({});
  const release = async (grant: Grant) => {
    setState({});
    try {
      await post(`/api/grants/${encodeURIComponent(grant.grantId)}/release`);
      setState({ done: `Access to ${names.get(grant.resourceId) ?? grant.targetName} given back.` });
      onChanged();
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <>
      <table aria-label="My grants" data-testid="my-grants">
        <thead><tr><th scope="col">Resource</th><th scope="col">Status</th><th scope="col">Time left</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.grantId}>
              <td>{names.get(g.resourceId) ?? g.targetName}{g.breakGlass ? <div className="small muted">break-glass</div> : null}</td>
              <td><Status value={g.status} /></td>
              <td data-testid="time-left">
                {g.status === "ACTIVE" ? <>{timeLeft(g.expiresAt, now)}<div className="small muted">until <Time value={g.expiresAt} /></div></>
                  : g.endedAt ? <span className="small">ended <Time value={g.endedAt} />{g.endReason ? ` (${g.endReason.toLowerCase()})` : ""}</span> : "—"}
              </td>
              <td>{g.status === "ACTIVE" ? <button type="button" onClick={() => release(g)}>Give back</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.done ? <p role="status" className="notice ok">{state.done}</p> : null}
      {state.error ? <ProblemNotice error={state.error} /> : null}
    </>
  );
}

/** A `datetime-local` value (the browser's zone) as the instant the API reads; null when not a date. */
export function localToInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function Members({ resources }: { resources: Resource[] }) {
  const [resourceId, setResourceId] = useState(resources[0]?.resourceId ?? "");
  const [moment, setMoment] = useState("");
  const [asked, setAsked] = useState<{ resourceId: string; at: string | null }>({ resourceId: resources[0]?.resourceId ?? "", at: null });
  const members = useLoad(() => asked.resourceId
    ? get<Page<Grant>>(`/api/resources/${encodeURIComponent(asked.resourceId)}/members${query({ at: asked.at, limit: 200 })}`)
    : Promise.resolve({ entries: [], nextCursor: null }), `members:${asked.resourceId}:${asked.at}`);
  useLiveRefresh(["access"], () => { if (!asked.at) members.reload(); });
  const ids = { resource: useId(), moment: useId() };
  const fields = problemFields(members.error);
  const show = (event: React.FormEvent) => {
    event.preventDefault();
    setAsked({ resourceId, at: localToInstant(moment) });
  };
  const name = resources.find((r) => r.resourceId === asked.resourceId)?.name ?? "the resource";
  return (
    <>
      <form className="filters" onSubmit={show} aria-label="Members of a resource">
        <div className="field">
          <label htmlFor={ids.resource}>Resource</label>
          <select id={ids.resource} value={resourceId} onChange={(e) => setResourceId(e.target.value)}>
            {resources.map((r) => <option key={r.resourceId} value={r.resourceId}>{r.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.moment}>At (your time zone; empty for now)</label>
          <input id={ids.moment} type="datetime-local" step={1} value={moment} onChange={(e) => setMoment(e.target.value)}
                 {...(fields.at ? { "aria-invalid": true, "aria-describedby": `${ids.moment}-error` } : {})} />
          <FieldError id={`${ids.moment}-error`} message={fields.at} />
        </div>
        <button type="submit">Show members</button>
        {moment ? <button type="button" onClick={() => { setMoment(""); setAsked({ resourceId, at: null }); }}>Now</button> : null}
      </form>
      <p className="muted" data-testid="members-caption">Members of {name} {asked.at ? <>at <Time value={asked.at} /></> : "now"}:</p>
      <Loader state={members} what="members" isEmpty={(p) => p.entries.length === 0} empty={asked.at ? "Nobody had access at that moment." : "Nobody has access now."}>
        {(page) => (
          <table aria-label={`Members of ${name}`} data-testid="members">
            <thead><tr><th scope="col">Person</th><th scope="col">Status</th><th scope="col">From</th><th scope="col">Until</th><th scope="col">Approved by</th></tr></thead>
            <tbody>
              {page.entries.map((g) => (
                <tr key={g.grantId}>
                  <td>{g.userName}{g.breakGlass ? <div className="small muted">break-glass</div> : null}</td>
                  <td><Status value={g.status} /></td>
                  <td><Time value={g.activatedAt} /></td>
                  <td><Time value={g.endedAt ?? g.expiresAt} /></td>
                  <td>{g.approvers.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loader>
    </>
  );
}

function Reviews({ names, initial }: { names: Map<string, string>; initial: string | null }) {
  const reviews = useLoad(() => get<Page<AccessReview>>("/api/access-reviews?limit=50"), "reviews");
  const [selected, setSelected] = useState<string | null>(initial);
  useLiveRefresh(["access"], reviews.reload);
  return (
    <Loader state={reviews} what="access reviews" isEmpty={(p) => p.entries.length === 0} empty="No access review has been opened yet.">
      {(page) => (
        <>
          <table aria-label="Access review campaigns">
            <thead><tr><th scope="col">Campaign</th><th scope="col">Resource</th><th scope="col">Reviewers</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Items</span></th></tr></thead>
            <tbody>
              {page.entries.map((r) => (
                <tr key={r.reviewId} aria-current={selected === r.reviewId ? "true" : undefined}>
                  <td>{r.name}<div className="small muted">opened by {r.openedBy}, <Time value={r.openedAt} /></div></td>
                  <td>{r.resourceId ? names.get(r.resourceId) ?? r.resourceId : "every resource"}</td>
                  <td>{r.reviewerRoles.join(", ")}</td>
                  <td><Time value={r.deadline} /></td>
                  <td><Status value={r.status} /></td>
                  <td><button type="button" aria-expanded={selected === r.reviewId} onClick={() => setSelected(selected === r.reviewId ? null : r.reviewId)}>
                    {selected === r.reviewId ? "Hide items" : "Show items"}<span className="visually-hidden"> of {r.name}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected ? <ReviewItems reviewId={selected} names={names} /> : null}
        </>
      )}
    </Loader>
  );
}

function ReviewItems({ reviewId, names }: { reviewId: string; names: Map<string, string> }) {
  const me = useMe();
  const review = useLoad(() => get<AccessReview>(`/api/access-reviews/${encodeURIComponent(reviewId)}`), `review:${reviewId}`);
  useLiveRefresh(["access"], review.reload);
  return (
    <Loader state={review} what="the campaign's items">
      {(r) => (
        <section aria-labelledby={`review-${r.reviewId}`} className="card" data-testid="review-items">
          <h3 id={`review-${r.reviewId}`}>{r.name}: {r.items.length} item{r.items.length === 1 ? "" : "s"}</h3>
          {r.items.length === 0 ? <p className="empty">This campaign has no items.</p> : (
            <table aria-label={`Items of ${r.name}`}>
              <thead><tr><th scope="col">Person</th><th scope="col">Resource</th><th scope="col">Decision</th></tr></thead>
              <tbody>
                {r.items.map((item) => (
                  <tr key={item.grantId}>
                    <td>{item.userName}</td>
                    <td>{names.get(item.resourceId) ?? item.resourceId}</td>
                    <td>{item.decision
                      ? <><Status value={item.decision} tone={item.decision === "KEEP" ? "good" : "bad"} /> {item.decidedBy ? <span className="small">by {item.decidedBy}, <Time value={item.decidedAt} />{item.comment ? `: ${item.comment}` : ""}</span> : null}</>
                      : r.status === "OPEN" ? <ReviewDecision review={r} item={item} blockedBecause={reviewBlockedBecause(r, item, me)} onDone={review.reload} />
                        : <span className="muted">not decided</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Loader>
  );
}

/** Why the caller may not decide an item, as the aggregate would refuse it; the server decides anyway. */
export function reviewBlockedBecause(review: AccessReview, item: AccessReviewItem, me: { subject: string; roles: string[] }): string | undefined {
  if (item.userId === me.subject) {
    return "This is your own access: another reviewer decides.";
  }
  if (!review.reviewerRoles.some((role) => me.roles.includes(role))) {
    return `Reviewing needs one of the roles ${review.reviewerRoles.join(", ")}.`;
  }
  return undefined;
}

function ReviewDecision({ review, item, blockedBecause, onDone }: { review: AccessReview; item: AccessReviewItem; blockedBecause?: string; onDone: () => void }) {
  const [comment, setComment] = useState("");
  const [state, setState] = useState<{ busy?: boolean; error?: unknown; done?: string }>({});
  const commentId = useId();
  const reasonId = useId();
  const fields = problemFields(state.error);
  const decide = async (decision: "KEEP" | "REVOKE") => {
    setState({ busy: true });
    try {
      await post(`/api/access-reviews/${encodeURIComponent(review.reviewId)}/items/${encodeURIComponent(item.grantId)}/decision`, { decision, comment });
      setState({ done: decision === "KEEP" ? "Kept." : "Revoked." });
      onDone();
    } catch (error) {
      setState({ error });
    }
  };
  if (state.done) {
    return <p role="status" className="notice ok">{state.done}</p>;
  }
  const blocked = Boolean(blockedBecause);
  return (
    <div className="decision">
      <label htmlFor={commentId}>Comment for {item.userName}</label>
      <input id={commentId} value={comment} maxLength={2000} disabled={blocked || state.busy} onChange={(e) => setComment(e.target.value)}
             {...(fields.comment ? { "aria-invalid": true, "aria-describedby": `${commentId}-error` } : {})} />
      <FieldError id={`${commentId}-error`} message={fields.comment} />
      <div className="actions">
        <button type="button" className="primary" disabled={blocked || state.busy} aria-describedby={blocked ? reasonId : undefined} onClick={() => decide("KEEP")}>Keep</button>
        <button type="button" className="danger" disabled={blocked || state.busy} aria-describedby={blocked ? reasonId : undefined} onClick={() => decide("REVOKE")}>Revoke</button>
      </div>
      {blocked ? <p id={reasonId} className="why-off">{blockedBecause}</p> : null}
      {state.error && !fields.comment ? <p role="alert" className="notice error">{describe(state.error)}</p> : null}
    </div>
  );
}
