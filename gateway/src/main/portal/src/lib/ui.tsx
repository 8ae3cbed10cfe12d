import { useCallback, useEffect, useRef, useState } from "react";
import { describe } from "./api";

/** An instant in the browser's zone; the UTC value on hover and for machines. */
export function Time({ value, relative }: { value?: string | null; relative?: boolean }) {
  if (!value) {
    return <span className="muted">—</span>;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return <span>{value}</span>;
  }
  const local = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString().replace(".000Z", "Z")} (UTC)`}>
      {relative ? fromNow(date) : local}
    </time>
  );
}

export function fromNow(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** ISO-8601 durations as the services write them (PT26H, P1D, PT0.5S) → "26 h", "1 d". */
export function duration(iso?: string | null): string {
  if (!iso) return "—";
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return iso;
  const [, d, h, min, s] = m;
  const parts = [d && `${d} d`, h && `${h} h`, min && `${min} min`, s && `${Math.round(Number(s))} s`].filter(Boolean);
  return parts.length ? parts.join(" ") : "0 s";
}

export function durationSeconds(iso?: string | null): number | null {
  if (!iso) return null;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return null;
  const [, d = "0", h = "0", min = "0", s = "0"] = m;
  return Number(d) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
}

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads on mount and whenever `key` changes; `reload` keeps the old data on screen meanwhile. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState((previous) => ({ data: previous.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function ProblemNotice({ error, what }: { error: unknown; what?: string }) {
  return (
    <div role="alert" className="notice error">
      {what ? <strong>{what}: </strong> : null}
      {describe(error)}
    </div>
  );
}

/** Loading, error and empty states in one place, so each page designs only its content. */
export function Loader<T>({ state, what, empty, isEmpty, children }: {
  state: Loaded<T>;
  what: string;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => React.ReactNode;
}) {
  if (state.error && state.data === undefined) {
    return <ProblemNotice error={state.error} what={`Could not load ${what}`} />;
  }
  if (state.data === undefined) {
    return <p className="muted" role="status">Loading {what}…</p>;
  }
  return (
    <>
      {state.error ? <ProblemNotice error={state.error} what={`Could not refresh ${what}`} /> : null}
      {isEmpty && isEmpty(state.data) ? <p className="empty">{empty ?? `No ${what} yet.`}</p> : children(state.data)}
    </>
  );
}

/** Colour plus words, never colour alone. */
export function Status({ value, tone }: { value: string; tone?: string }) {
  return <span className={`status status-${tone ?? toneOf(value)}`}>{value.replace(/_/g, " ").toLowerCase()}</span>;
}

export function toneOf(status: string): string {
  switch (status) {
    case "DEPLOYED": case "SUCCEEDED": case "COMPLIANT": case "APPROVED": case "VERIFIED": case "COMPLETED": case "RESTORED":
    case "ACTIVE": case "GRANTED": case "KEEP":
      return "good";
    case "FAILED": case "REJECTED": case "BREACHED": case "EXPIRED": case "TIMED_OUT": case "UNPROTECTED":
    case "REVOKED": case "REVOKE": case "UNANSWERED": case "INTERRUPTED":
      return "bad";
    case "AT_RISK": case "AWAITING_APPROVAL": case "REQUESTED": case "WAITING_FOR_WINDOW": case "DEPLOYING": case "RUNNING": case "BACKING_UP":
    case "QUEUED": case "OPEN": case "PROVISIONING":
      return "warn";
    default:
      return "neutral";
  }
}

/** The API's reason next to the input it is about; the input points here with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} className="field-error">{message}</p> : null;
}

/** The current time, refreshed every `everyMs`: for "time left" that counts down while a page stays open. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "2 h 5 min left", "40 s left", or "ended" once `until` has passed. */
export function timeLeft(until: string | null | undefined, now: Date): string {
  if (!until) return "no end";
  const seconds = Math.floor((new Date(until).getTime() - now.getTime()) / 1000);
  if (Number.isNaN(seconds)) return until;
  if (seconds <= 0) return "ended";
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const parts = d ? [`${d} d`, h && `${h} h`] : h ? [`${h} h`, m && `${m} min`] : m ? [`${m} min`] : [`${seconds} s`];
  return `${parts.filter(Boolean).join(" ")} left`;
}
