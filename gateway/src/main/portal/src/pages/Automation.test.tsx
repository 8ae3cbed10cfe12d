import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RouterProvider } from "../lib/router";
import { SessionContext } from "../lib/session";
import type { Me, Task, TaskRun } from "../lib/types";
import { fakeFetch } from "../test-support";
import { AutomationPage, RunPage, TaskPage } from "./Automation";

const dev1: Me = { name: "dev1", subject: "s-dev1", roles: ["developer"], via: "session" };
const audit1: Me = { name: "audit1", subject: "s-audit1", roles: ["auditor"], via: "session" };

const deploy: Task = {
  taskId: "t1", name: "deploy", version: 2, definedBy: "auto1", definedAt: "2026-11-29T08:00:00Z", updatedAt: "2026-11-29T08:00:00Z",
  spec: {
    name: "deploy", description: "Deploys a version", executor: { kind: "shell", executable: "/usr/bin/printenv", arguments: ["OPSLEDGER_PARAM_TARGET"] },
    parameters: [
      { name: "target", type: "ENUM", required: true, values: ["qa", "prod"] },
      { name: "replicas", type: "INTEGER", required: false, defaultValue: "2", min: 1, max: 5 },
      { name: "dry_run", type: "BOOLEAN", required: false, defaultValue: "false" },
    ],
    timeout: "PT10M", concurrency: "FORBID", runRoles: ["developer"], approvalPolicy: null, schedule: null,
  },
};
const page = <T,>(entries: T[]) => ({ body: { entries, nextCursor: null } });
const run = (overrides: Partial<TaskRun>): TaskRun => ({
  runId: "run-1", taskId: "t1", version: 2, status: "RUNNING", trigger: "MANUAL", parameters: { target: "qa" }, digest: "sha256:d",
  requestedById: "s-dev1", requestedByName: "dev1", requestedAt: "2026-11-30T09:00:00Z", updatedAt: "2026-11-30T09:00:00Z", ...overrides,
});

function renderAs(me: Me, ui: React.ReactNode) {
  return render(<RouterProvider><SessionContext.Provider value={me}>{ui}</SessionContext.Provider></RouterProvider>);
}

/** The browser's EventSource as the run page uses it: tests push `log` and `end` events into it. */
class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource;
  readyState = 1;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((m: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (m: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  emit(name: string, data: string) {
    act(() => (this.listeners.get(name) ?? []).forEach((l) => l(new MessageEvent(name, { data }))));
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

describe("Automation", () => {
  beforeEach(() => vi.stubGlobal("EventSource", FakeEventSource));
  afterEach(() => {
    cleanup();
    window.history.pushState(null, "", "/");
  });

  it("givenTasksAndRuns_whenShown_thenEachTaskLinksToItsPageAndRunsNameTheirTask", async () => {
    fakeFetch({
      "GET /api/tasks": page([deploy]),
      "GET /api/task-runs": page([run({ status: "SUCCEEDED", finishedAt: "2026-11-30T09:01:00Z" })]),
    });
    renderAs(dev1, <AutomationPage />);

    const tasks = await screen.findByTestId("tasks");
    expect(within(tasks).getByRole("link", { name: "deploy" }).getAttribute("href")).toBe("/automation/tasks/t1");
    expect(within(tasks).getByText("target, replicas, dry_run")).toBeTruthy();
    const runs = await screen.findByTestId("runs");
    expect(within(runs).getByRole("link", { name: "run run-1" }).getAttribute("href")).toBe("/automation/runs/run-1");
    expect(within(runs).getByText("succeeded")).toBeTruthy();
  });

  it("givenTypedParameters_whenAValueBreaksARule_thenTheApiSentenceAtItsInputAndNothingSent", async () => {
    const calls = fakeFetch({
      "GET /api/tasks/t1": { body: deploy },
      "GET /api/tasks/t1/versions": page([{ taskId: "t1", version: 2, spec: deploy.spec, definedBy: "auto1", definedAt: "2026-11-29T08:00:00Z" }]),
      "GET /api/task-runs": page([]),
    });
    renderAs(dev1, <TaskPage id="t1" />);

    const target = await screen.findByLabelText(/^target/);
    expect(target.tagName).toBe("SELECT");
    expect(screen.getByText("refused while another run is open")).toBeTruthy();
    expect(screen.getByLabelText(/^dry_run/).tagName).toBe("SELECT");
    fireEvent.change(screen.getByLabelText(/^replicas/), { target: { value: "9" } });
    fireEvent.click(screen.getByRole("button", { name: "Start run" }));

    const replicas = await screen.findByText("replicas must be between 1 and 5");
    expect(screen.getByLabelText(/^replicas/).getAttribute("aria-describedby")).toContain(replicas.id);
    expect(screen.getByText("target is required")).toBeTruthy();
    expect(calls.some((c) => c.method === "POST")).toBe(false);
    expect(within(screen.getByTestId("versions")).getByText("target (enum), replicas (integer), dry_run (boolean)")).toBeTruthy();
  });

  it("givenValidValues_whenTheApiRefusesTheRun_thenItsDetailShows_andTheRetryKeepsTheIdempotencyKeyAndOpensTheRunPage", async () => {
    let refuse = true;
    const calls = fakeFetch({
      "GET /api/tasks/t1": { body: deploy },
      "GET /api/tasks/t1/versions": page([]),
      "GET /api/task-runs": page([]),
      "POST /api/tasks/t1/runs": () => refuse
        ? { status: 409, body: { status: 409, code: "run.concurrency-forbidden", detail: "deploy forbids parallel runs; run-0 is running" } }
        : { status: 201, body: { id: "run-2" } },
    });
    renderAs(dev1, <TaskPage id="t1" />);

    fireEvent.change(await screen.findByLabelText(/^target/), { target: { value: "qa" } });
    fireEvent.change(screen.getByLabelText(/^replicas/), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Start run" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The run was refused: deploy forbids parallel runs; run-0 is running");

    refuse = false;
    fireEvent.click(screen.getByRole("button", { name: "Start run" }));
    await waitFor(() => expect(window.location.pathname).toBe("/automation/runs/run-2"));
    const posts = calls.filter((c) => c.method === "POST").map((c) => JSON.parse(String(c.init.body)));
    expect(posts[0].parameters).toEqual({ target: "qa", replicas: "3" });
    expect(posts[0].idempotencyKey).toMatch(/^portal-/);
    expect(posts[1].idempotencyKey).toBe(posts[0].idempotencyKey);
  });

  it("givenTheApiNamesAParameter_whenRefused_thenShownAtThatInput", async () => {
    fakeFetch({
      "GET /api/tasks/t1": { body: deploy },
      "GET /api/tasks/t1/versions": page([]),
      "GET /api/task-runs": page([]),
      "POST /api/tasks/t1/runs": { status: 422, body: { status: 422, code: "run.parameter-invalid", field: "parameters.target", detail: "target is one of [qa, prod]" } },
    });
    renderAs(dev1, <TaskPage id="t1" />);

    fireEvent.change(await screen.findByLabelText(/^target/), { target: { value: "qa" } });
    fireEvent.click(screen.getByRole("button", { name: "Start run" }));

    const reason = await screen.findByText("target is one of [qa, prod]");
    expect(screen.getByLabelText(/^target/).getAttribute("aria-describedby")).toContain(reason.id);
  });

  it("givenACallerWithoutARunRole_whenTheTaskIsShown_thenStartIsOffWithTheReason", async () => {
    fakeFetch({ "GET /api/tasks/t1": { body: deploy }, "GET /api/tasks/t1/versions": page([]), "GET /api/task-runs": page([]) });
    renderAs(audit1, <TaskPage id="t1" />);

    const start = await screen.findByRole("button", { name: "Start run" }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    expect(document.getElementById(start.getAttribute("aria-describedby")!)!.textContent).toBe("Running deploy needs one of the roles developer.");
  });

  it("givenARunningRun_whenItsLogStreams_thenTheLogGrowsLive_andAtTheEndTheStreamClosesAndTheFinalStateShows", async () => {
    let finished = false;
    fakeFetch({
      "GET /api/task-runs/run-1": () => ({ body: finished ? run({ status: "SUCCEEDED", exitCode: 0, finishedAt: "2026-11-30T09:02:00Z" }) : run({}) }),
      "GET /api/tasks/t1": { body: deploy },
    });
    renderAs(dev1, <RunPage id="run-1" />);

    const log = await screen.findByTestId("run-log");
    const source = FakeEventSource.last;
    expect(source.url).toBe("/api/task-runs/run-1/log/stream");
    expect(screen.getByTestId("log-state").textContent).toBe("Following the log live…");
    source.emit("log", "deploying 2.3.0 to qa\n");
    source.emit("log", "done\n");
    expect(log.textContent).toBe("deploying 2.3.0 to qa\ndone\n");
    expect(log.getAttribute("tabindex")).toBe("0");

    finished = true;
    source.emit("end", "SUCCEEDED");

    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    expect(screen.getByTestId("log-state").textContent).toBe("The run ended: succeeded. The log is complete.");
    await waitFor(() => expect(screen.getByTestId("run-status").textContent).toBe("succeeded"));
    expect(screen.getByText(/exit code 0/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel run" })).toBeNull();
  });

  it("givenTheStreamIsRefused_whenItCloses_thenTheStoredLogIsReadAndItsProblemShown", async () => {
    fakeFetch({
      "GET /api/task-runs/run-1": { body: run({}) },
      "GET /api/tasks/t1": { body: deploy },
      "GET /api/task-runs/run-1/log": { status: 503, body: { status: 503, code: "service.unavailable", detail: "automation is not available." } },
    });
    renderAs(dev1, <RunPage id="run-1" />);
    await screen.findByTestId("run-log");

    act(() => {
      FakeEventSource.last.readyState = FakeEventSource.CLOSED;
      FakeEventSource.last.onerror?.();
    });

    expect((await screen.findByRole("alert")).textContent).toBe("Could not read the log: automation is not available.");
    expect(screen.getByRole("button", { name: "Follow again" })).toBeTruthy();
  });
});
