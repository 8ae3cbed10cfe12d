import { lazy, Suspense, useEffect, useRef } from "react";
import { csrfToken, get, RETURN_TO_KEY } from "./lib/api";
import { maskCsrfToken } from "./lib/csrf";
import { startLive, useLiveState } from "./lib/live";
import { Link, match, navigate, usePath } from "./lib/router";
import { hasAnyRole, SessionContext } from "./lib/session";
import type { Me } from "./lib/types";
import { Loader, useLoad } from "./lib/ui";
import { AuditPage, ChainPage } from "./pages/Audit";
import { BackupRunPage, BackupsPage } from "./pages/Backups";
import { InboxPage } from "./pages/Inbox";
import { ApplicationPage, ReleasePage, ReleasesPage } from "./pages/Releases";
import { TodayPage } from "./pages/Today";

// Pages loaded when first opened, so the first screen's bundle stays small (README: bundle size).
const AccessPage = lazy(() => import("./pages/Access").then((m) => ({ default: m.AccessPage })));
const AutomationPage = lazy(() => import("./pages/Automation").then((m) => ({ default: m.AutomationPage })));
const TaskPage = lazy(() => import("./pages/Automation").then((m) => ({ default: m.TaskPage })));
const RunPage = lazy(() => import("./pages/Automation").then((m) => ({ default: m.RunPage })));

interface Area {
  path: string;
  label: string;
  /** Realm roles that may read it; the services check again. */
  roles?: string[];
}

export const AREAS: Area[] = [
  { path: "/today", label: "Today" },
  { path: "/inbox", label: "Inbox" },
  { path: "/releases", label: "Releases", roles: ["developer", "release-manager", "approver", "auditor", "admin"] },
  { path: "/access", label: "Access", roles: ["developer", "release-manager", "approver", "backup-operator", "automation-admin", "auditor", "admin"] },
  { path: "/backups", label: "Backups", roles: ["backup-operator", "approver", "auditor", "admin"] },
  { path: "/automation", label: "Automation", roles: ["developer", "release-manager", "approver", "automation-admin", "auditor", "admin"] },
  { path: "/audit", label: "Audit", roles: ["auditor", "admin"] },
];

export function visibleAreas(me: Me): Area[] {
  return AREAS.filter((area) => !area.roles || hasAnyRole(me, ...area.roles));
}

function Page({ pathname }: { pathname: string }) {
  let params;
  if (pathname === "/" || pathname === "/inbox") return <InboxPage />;
  if (pathname === "/today") return <TodayPage />;
  if (pathname === "/releases") return <ReleasesPage />;
  if ((params = match("/releases/:id", pathname))) return <ReleasePage id={params.id} />;
  if ((params = match("/applications/:id", pathname))) return <ApplicationPage id={params.id} />;
  if (pathname === "/access") return <AccessPage />;
  if (pathname === "/backups") return <BackupsPage />;
  if ((params = match("/backups/runs/:id", pathname))) return <BackupRunPage id={params.id} />;
  if (pathname === "/automation") return <AutomationPage />;
  if ((params = match("/automation/tasks/:id", pathname))) return <TaskPage id={params.id} />;
  if ((params = match("/automation/runs/:id", pathname))) return <RunPage id={params.id} />;
  if (pathname === "/audit") return <AuditPage />;
  if ((params = match("/audit/chains/:id", pathname))) return <ChainPage correlationId={params.id} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>There is no page at <code>{pathname}</code>. <Link to="/inbox">Go to the inbox</Link>.</p>
    </section>
  );
}

function SignOut() {
  const tokenField = useRef<HTMLInputElement>(null);
  // The token is read when the form is sent: the gateway may have rotated the cookie since render.
  const onSubmit = () => {
    if (tokenField.current) {
      tokenField.current.value = maskCsrfToken(csrfToken() ?? "");
    }
  };
  return (
    <form method="post" action="/logout" onSubmit={onSubmit} className="signout">
      <input ref={tokenField} type="hidden" name="_csrf" defaultValue="" />
      <button type="submit">Sign out</button>
    </form>
  );
}

function LiveNotice() {
  const state = useLiveState();
  if (state !== "reconnecting") return null;
  return <div role="status" className="notice warn live-notice">Live updates were interrupted. Reconnecting… pages reload once they are back.</div>;
}

export function App() {
  const me = useLoad(() => get<Me>("/api/me"), "me");
  const { pathname } = usePath();
  useEffect(() => {
    if (me.data) {
      const back = sessionStorage.getItem(RETURN_TO_KEY);
      sessionStorage.removeItem(RETURN_TO_KEY);
      if (back && back !== window.location.pathname + window.location.search && back.startsWith("/")) {
        navigate(back);
      }
      startLive();
    }
  }, [me.data]);
  useEffect(() => {
    const area = AREAS.find((a) => pathname.startsWith(a.path));
    document.title = area ? `${area.label} · OpsLedger` : "OpsLedger";
  }, [pathname]);

  return (
    <Loader state={me} what="your session">
      {(user) => (
        <SessionContext.Provider value={user}>
          <a className="skip" href="#main">Skip to content</a>
          <header className="top">
            <span className="brand">OpsLedger</span>
            <nav aria-label="Main">
              <ul>
                {visibleAreas(user).map((area) => (
                  <li key={area.path}>
                    <Link to={area.path} aria-current={pathname.startsWith(area.path) || (area.path === "/inbox" && pathname === "/") ? "page" : undefined}>{area.label}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <span className="who" data-testid="who">{user.name} <span className="muted small">({user.roles.join(", ") || "no roles"})</span></span>
            <SignOut />
          </header>
          <LiveNotice />
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<p className="muted" role="status">Loading the page…</p>}>
              <Page pathname={pathname} />
            </Suspense>
          </main>
        </SessionContext.Provider>
      )}
    </Loader>
  );
}
