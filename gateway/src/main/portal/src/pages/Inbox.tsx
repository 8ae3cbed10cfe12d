import { useId, useState } from "react";
import { describe, post } from "../lib/api";
import { loadInbox, type InboxItem } from "../lib/inbox";
import { useLiveRefresh } from "../lib/live";
import { Link } from "../lib/router";
import { useMe } from "../lib/session";
import { Loader, ProblemNotice, Time, useLoad } from "../lib/ui";

export function InboxPage() {
  const me = useMe();
  const inbox = useLoad(() => loadInbox(me), me.subject);
  useLiveRefresh(["release", "access", "backup", "automation"], inbox.reload);
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      <p className="lead">Everything waiting for a decision you may take now, newest first, and your own requests waiting on others.</p>
      <Loader state={inbox} what="the inbox" isEmpty={(data) => data.items.length === 0 && data.unavailable.length === 0}
              empty="Nothing is waiting for you.">
        {(data) => (
          <>
            {data.unavailable.map((u) => <ProblemNotice key={u.source} error={u.error} what={`${u.source} could not be asked`} />)}
            {data.items.length === 0 ? <p className="empty">Nothing is waiting for you.</p> : (
              <ul className="cards" aria-label="Waiting items">
                {data.items.map((item) => <InboxCard key={item.key} item={item} onDecided={inbox.reload} />)}
              </ul>
            )}
          </>
        )}
      </Loader>
    </section>
  );
}

const KIND_LABELS: Record<InboxItem["kind"], string> = {
  promotion: "Promotion", restore: "Restore", access: "Access request", "break-glass": "Break-glass review",
  "access-review": "Access review item", "task-run": "Task run",
};

export function InboxCard({ item, onDecided }: { item: InboxItem; onDecided: () => void }) {
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const commentId = useId();
  const reasonId = useId();
  const blocked = Boolean(item.blockedBecause);

  const { decisions } = item;
  const decide = async (yes: boolean) => {
    if (!comment.trim() && (!yes || decisions.commentRequired === "both")) {
      setError(new Error(decisions.commentRequired === "both"
        ? "This decision needs a comment: write it in the comment."
        : "A rejection needs a reason: write it in the comment."));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { path, body } = decisions.send(yes, comment.trim());
      await post(path, body);
      setDone(decisions.yes === "Approve" ? (yes ? "Approved" : "Rejected") : `Decided: ${(yes ? decisions.yes : decisions.no).toLowerCase()}`);
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" data-testid="inbox-item" data-kind={item.kind}>
      <h2 className="card-title"><Link to={item.href}>{item.title}</Link></h2>
      <dl className="facts">
        <div><dt>What</dt><dd>{KIND_LABELS[item.kind]} · {item.approvals}</dd></div>
        <div><dt>Asked by</dt><dd>{item.requestedBy}, <Time value={item.requestedAt} /></dd></div>
        <div><dt>Why</dt><dd>{item.why}</dd></div>
        <div><dt>Until</dt><dd>{item.until ? <Time value={item.until} /> : "no deadline"}</dd></div>
      </dl>
      {done ? <p role="status" className="notice ok">{done}.</p> : (
        <div className="decision">
          <label htmlFor={commentId}>Comment <span className="muted">({decisions.commentRequired === "both" ? "required" : "required to reject"})</span></label>
          <textarea id={commentId} value={comment} maxLength={2000} rows={2} disabled={blocked || busy}
                    onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            <button type="button" className="primary" disabled={blocked || busy} aria-describedby={blocked ? reasonId : undefined}
                    onClick={() => decide(true)}>{decisions.yes}</button>
            <button type="button" className="danger" disabled={blocked || busy} aria-describedby={blocked ? reasonId : undefined}
                    onClick={() => decide(false)}>{decisions.no}</button>
          </div>
          {blocked ? <p id={reasonId} className="why-off">{item.blockedBecause}</p> : null}
          {error ? <div role="alert" className="notice error">{describe(error)}</div> : null}
        </div>
      )}
    </li>
  );
}
