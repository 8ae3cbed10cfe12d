import { useEffect, useRef, useSyncExternalStore } from "react";

/**
 * One EventSource per tab on the gateway's `/api/events` (server-sent events built from the
 * services' Kafka topics, filtered by what the caller may read). Pages subscribe to services and
 * reload their data when an event of one arrives. A lost stream shows a notice, is reopened with
 * a backoff, and every page reloads once it is back: events sent meanwhile are not replayed.
 */
export type LiveState = "connecting" | "live" | "reconnecting";

export interface LiveEvent {
  service: string;
  type: string;
  subject?: string;
  time?: string;
}

type Listener = (event: LiveEvent | null) => void;

const listeners = new Set<{ services: string[]; listener: Listener }>();
const stateListeners = new Set<() => void>();
let state: LiveState = "connecting";
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let attempts = 0;
let wasLost = false;
export const SERVICES = ["release", "access", "backup", "automation"];

function setState(next: LiveState) {
  if (state !== next) {
    state = next;
    stateListeners.forEach((l) => l());
  }
}

function dispatch(event: LiveEvent | null) {
  for (const { services, listener } of listeners) {
    if (event === null || services.includes(event.service)) {
      listener(event);
    }
  }
}

function open() {
  if (typeof EventSource === "undefined" || source) {
    return;
  }
  const es = new EventSource("/api/events", { withCredentials: true });
  source = es;
  es.onopen = () => {
    attempts = 0;
    setState("live");
    if (wasLost) {
      wasLost = false;
      dispatch(null);
    }
  };
  for (const service of SERVICES) {
    es.addEventListener(service, (message) => {
      try {
        dispatch({ service, ...(JSON.parse((message as MessageEvent).data) as Omit<LiveEvent, "service">) });
      } catch {
        dispatch({ service, type: "unknown" });
      }
    });
  }
  es.onerror = () => {
    wasLost = true;
    setState("reconnecting");
    if (es.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. the gateway answered with an error): retry ourselves.
      source = null;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(open, Math.min(30_000, 1000 * 2 ** attempts++));
    }
  };
}

export function startLive() {
  open();
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(
    (onChange) => {
      stateListeners.add(onChange);
      return () => stateListeners.delete(onChange);
    },
    () => state,
  );
}

/** Calls `refresh` (at most every 300 ms) when one of `services` publishes, or the stream is back. */
export function useLiveRefresh(services: string[], refresh: () => void) {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const key = services.join(",");
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const entry = {
      services: key.split(","),
      listener: () => {
        clearTimeout(timer);
        timer = setTimeout(() => refreshRef.current(), 300);
      },
    };
    listeners.add(entry);
    return () => {
      clearTimeout(timer);
      listeners.delete(entry);
    };
  }, [key]);
}

/** For tests: what a subscriber would see. */
export const liveForTests = { dispatch, setState };
