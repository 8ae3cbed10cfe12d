import { useEffect, useId, useRef, useState } from "react";
import { get, post, Problem, problemFields, query, type Page } from "../lib/api";
import { useLiveRefresh } from "../lib/live";
import { parameterProblems, parameterValues } from "../lib/parameters";
import { Link, navigate } from "../lib/router";
import { hasAnyRole, useMe } from "../lib/session";
import { OPEN_RUN_STATES, type ParameterSpec, type RunLog, type Task, type TaskRun, type TaskSpec, type TaskVersion } from "../lib/types";
import { duration, FieldError, Loader, ProblemNotice, Status, Time, useLoad } from "../lib/ui";

/** Tasks and the latest runs of all of them. */
export function AutomationPage() {
  const tasks = useLoad(() => get<Page<Task>>("/api/tasks?limit=200"), "tasks");
  const runs = useLoad(() => get<Page<TaskRun>>("/api/task-runs?limit=25"), "runs");
  useLiveRefresh(["automation"], () => { tasks.reload(); runs.reload(); });
  const names = new Map((tasks.data?.entries ?? []).map((t) => [t.taskId, t.name]));
  return (
    <section aria-labelledby="automation-title">
      <h1 id="automation-title">Automation</h1>
      <h2>Tasks</h2>
      <Loader state={tasks} what="tasks" isEmpty={(p) => p.entries.length === 0} empty="No task is defined yet: an automation admin defines them.">
        {(page) => (
          <div className="table-wrap">
            <table aria-label="Task definitions" data-testid="tasks">
              <thead><tr><th scope="col">Task</th><th scope="col">Version</th><th scope="col">Runs</th><th scope="col">Parameters</th><th scope="col">Approval</th><th scope="col">Schedule</th></tr></thead>
              <tbody>
                {page.entries.map((t) => (
                  <tr key={t.taskId}>
                    <th scope="row"><Link to={`/automation/tasks/${encodeURIComponent(t.taskId)}`}>{t.name}</Link>{t.spec.description ? <div className="small muted">{t.spec.description}</div> : null}</th>
                    <td>{t.version}<div className="small muted"><Time value={t.definedAt} /></div></td>
                    <td>{executorText(t.spec)}</td>
                    <td>{(t.spec.parameters ?? []).map((p) => p.name).join(", ") || "none"}</td>
                    <td>{approvalText(t.spec)}</td>
                    <td>{t.spec.schedule ? <><code>{t.spec.schedule.cron}</code> {t.spec.schedule.zone}</> : "manual"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loader>
      <h2>Latest runs</h2>
      <Loader state={runs} what="runs" isEmpty={(p) => p.entries.length === 0} empty="No task has run yet.">
        {(page) => <RunsTable runs={page.entries} names={names} label="Latest runs of every task" />}
      </Loader>
    </section>
  );
}

function executorText(spec: TaskSpec): string {
  const e = spec.executor;
  return e.kind === "http" ? `${e.method ?? "POST"} ${e.url ?? ""}` : [e.executable, ...(e.arguments ?? [])].join(" ");
}

/** automation-service's Concurrency, in words. */
function concurrencyText(concurrency?: string | null): string {
  switch (concurrency) {
    case "ALLOW": return "allowed";
    case "FORBID": return "refused while another run is open";
    case "QUEUE": return "queued: one run at a time, in order";
    default: return concurrency ?? "—";
  }
}

function approvalText(spec: TaskSpec): string {
  const a = spec.approvalPolicy;
  return a ? `${a.requiredApprovals} of ${a.approverRoles.join(", ")}, four eyes` : "none";
}

function RunsTable({ runs, names, label }: { runs: TaskRun[]; names?: Map<string, string>; label: string }) {
  return (
    <div className="table-wrap">
      <table aria-label={label} data-testid="runs">
        <thead><tr><th scope="col">Run</th>{names ? <th scope="col">Task</th> : null}<th scope="col">Status</th><th scope="col">Requested</th><th scope="col">Finished</th></tr></thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.runId}>
              <td><Link to={`/automation/runs/${encodeURIComponent(r.runId)}`}>run {r.runId.slice(0, 8)}</Link> <span className="small muted">{r.trigger.toLowerCase()}</span></td>
              {names ? <td>{names.get(r.taskId) ?? r.taskId} <span className="small muted">v{r.version}</span></td> : null}
              <td><Status value={r.status} /></td>
              <td>{r.requestedByName}, <Time value={r.requestedAt} /></td>
              <td><Time value={r.finishedAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A task: its current definition, the run form its parameters generate, its versions and its runs. */
export function TaskPage({ id }: { id: string }) {
  const me = useMe();
  const task = useLoad(() => get<Task>(`/api/tasks/${encodeURIComponent(id)}`), `task:${id}`);
  const versions = useLoad(() => get<Page<TaskVersion>>(`/api/tasks/${encodeURIComponent(id)}/versions?limit=50`), `versions:${id}`);
  const runs = useLoad(() => get<Page<TaskRun>>(`/api/task-runs${query({ taskId: id, limit: 20 })}`), `task-runs:${id}`);
  useLiveRefresh(["automation"], () => { task.reload(); versions.reload(); runs.reload(); });
  return (
    <section aria-labelledby="task-title">
      <p><Link to="/automation">All tasks</Link></p>
      <Loader state={task} what="the task">
        {(t) => (
          <>
            <h1 id="task-title">Task {t.name}</h1>
            <dl className="facts">
              {t.spec.description ? <div><dt>What it does</dt><dd>{t.spec.description}</dd></div> : null}
              <div><dt>Runs</dt><dd><code>{executorText(t.spec)}</code> ({t.spec.executor.kind})</dd></div>
              <div><dt>Version</dt><dd>{t.version}, by {t.definedBy}, <Time value={t.definedAt} /></dd></div>
              <div><dt>Timeout</dt><dd>{duration(t.spec.timeout)}</dd></div>
              <div><dt>Parallel runs</dt><dd>{concurrencyText(t.spec.concurrency)}</dd></div>
              <div><dt>Who may run it</dt><dd>{(t.spec.runRoles ?? []).join(", ")}</dd></div>
              <div><dt>Approval</dt><dd>{approvalText(t.spec)}</dd></div>
              {t.spec.schedule ? <div><dt>Schedule</dt><dd><code>{t.spec.schedule.cron}</code> {t.spec.schedule.zone}</dd></div> : null}
            </dl>
            <h2>Run it</h2>
            <RunForm task={t} blockedBecause={hasAnyRole(me, ...(t.spec.runRoles ?? [])) ? undefined
              : `Running ${t.name} needs one of the roles ${(t.spec.runRoles ?? []).join(", ")}.`} />
          </>
        )}
      </Loader>
      <h2>Runs</h2>
      <Loader state={runs} what="runs" isEmpty={(p) => p.entries.length === 0} empty="This task has not run yet.">
        {(page) => <RunsTable runs={page.entries} label="Runs of this task" />}
      </Loader>
      <h2>Versions</h2>
      <Loader state={versions} what="versions" isEmpty={(p) => p.entries.length === 0} empty="No versions recorded.">
        {(page) => (
          <table aria-label="Versions, newest first" data-testid="versions">
            <thead><tr><th scope="col">Version</th><th scope="col">Defined</th><th scope="col">Runs</th><th scope="col">Parameters</th><th scope="col">Approval</th></tr></thead>
            <tbody>
              {page.entries.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{v.definedBy}, <Time value={v.definedAt} /></td>
                  <td><code>{executorText(v.spec)}</code></td>
                  <td>{(v.spec.parameters ?? []).map((p) => `${p.name} (${p.type.toLowerCase()})`).join(", ") || "none"}</td>
                  <td>{approvalText(v.spec)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loader>
    </section>
  );
}

function newIdempotencyKey(): string {
  return `portal-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The form a task's typed parameters generate. The browser checks each value with the API's
 * rules and sentences first (lib/parameters); whatever the API still refuses shows at its input.
 * One idempotency key per form fill: a double submit answers the same run.
 */
export function RunForm({ task, blockedBecause }: { task: Task; blockedBecause?: string }) {
  const specs = task.spec.parameters ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [state, setState] = useState<{ busy?: boolean; error?: unknown }>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const formId = useId();
  const reasonId = useId();
  const fields = { ...problemFields(state.error), ...checked };
  const general = state.error && Object.keys(problemFields(state.error)).length === 0 ? state.error : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const problems = parameterProblems(specs, values);
    setChecked(problems);
    if (Object.keys(problems).length) {
      setState({});
      return;
    }
    setState({ busy: true });
    try {
      const answer = await post<{ id: string }>(`/api/tasks/${encodeURIComponent(task.taskId)}/runs`,
        { parameters: parameterValues(specs, values), idempotencyKey: key });
      setKey(newIdempotencyKey());
      navigate(`/automation/runs/${encodeURIComponent(answer.id)}`);
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={`Run ${task.name}`}>
      {specs.length === 0 ? <p className="muted">This task takes no parameters.</p> : (
        <fieldset>
          <legend>Parameters</legend>
          {specs.map((spec) => (
            <ParameterInput key={spec.name} spec={spec} id={`${formId}-${spec.name}`} value={values[spec.name] ?? ""}
                            problem={fields[`parameters.${spec.name}`]}
                            onChange={(value) => setValues((v) => ({ ...v, [spec.name]: value }))} />
          ))}
        </fieldset>
      )}
      {task.spec.approvalPolicy ? <p className="hint">The run waits for {approvalText(task.spec)} before it starts.</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={Boolean(blockedBecause) || state.busy}
                aria-describedby={blockedBecause ? reasonId : undefined}>Start run</button>
      </div>
      {blockedBecause ? <p id={reasonId} className="why-off">{blockedBecause}</p> : null}
      {general ? <ProblemNotice error={general} what="The run was refused" /> : null}
      {Object.keys(fields).length ? <p role="alert" className="notice error">Some parameters are not valid: see the fields above.</p> : null}
    </form>
  );
}

function ParameterInput({ spec, id, value, problem, onChange }: {
  spec: ParameterSpec; id: string; value: string; problem?: string; onChange: (value: string) => void;
}) {
  const hasDefault = spec.defaultValue !== null && spec.defaultValue !== undefined;
  const hint = [
    spec.required && !hasDefault ? "required" : hasDefault ? `default ${spec.defaultValue}` : "optional",
    spec.type === "INTEGER" && (spec.min != null || spec.max != null) ? `between ${spec.min ?? "-∞"} and ${spec.max ?? "∞"}` : null,
    spec.type === "STRING" && spec.pattern ? `matches ${spec.pattern}` : null,
    spec.type === "STRING" && spec.maxLength ? `at most ${spec.maxLength} characters` : null,
    spec.type === "SECRET" ? "the name of an environment variable of the service, never the secret itself" : null,
  ].filter(Boolean).join(" · ");
  const describedBy = [`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = { id, "aria-describedby": describedBy, "aria-invalid": problem ? true : undefined, "aria-required": spec.required && !hasDefault ? true : undefined };
  const choices = spec.type === "BOOLEAN" ? ["true", "false"] : spec.type === "ENUM" ? spec.values ?? [] : null;
  return (
    <div className="field" data-testid={`parameter-${spec.name}`}>
      <label htmlFor={id}>{spec.name} <span className="small muted">({spec.type.toLowerCase()})</span></label>
      {choices ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{hasDefault ? `default (${spec.defaultValue})` : "choose…"}</option>
          {choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input {...common} type="text" inputMode={spec.type === "INTEGER" ? "numeric" : undefined} value={value}
               placeholder={hasDefault ? spec.defaultValue ?? undefined : undefined} autoComplete="off" spellCheck={false}
               onChange={(e) => onChange(e.target.value)} />
      )}
      <p id={`${id}-hint`} className="hint">{hint}</p>
      <FieldError id={`${id}-error`} message={problem} />
    </div>
  );
}

/** Reads are eventually consistent: a run just requested may take a moment to be readable. */
async function findRun(id: string): Promise<TaskRun> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await get<TaskRun>(`/api/task-runs/${encodeURIComponent(id)}`);
    } catch (error) {
      if (!(error instanceof Problem && error.status === 404) || attempt >= 10) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A run: its state (live through /api/events) and its log (live from the run's own stream until it ends). */
export function RunPage({ id }: { id: string }) {
  const run = useLoad(() => findRun(id), `run:${id}`);
  const task = useLoad(() => run.data ? get<Task>(`/api/tasks/${encodeURIComponent(run.data.taskId)}`) : Promise.resolve(undefined),
    `run-task:${run.data?.taskId}`);
  useLiveRefresh(["automation"], run.reload);
  const [cancel, setCancel] = useState<{ error?: unknown; done?: boolean }>({});
  const requestCancel = async () => {
    try {
      await post(`/api/task-runs/${encodeURIComponent(id)}/cancel`);
      setCancel({ done: true });
      run.reload();
    } catch (error) {
      setCancel({ error });
    }
  };
  return (
    <section aria-labelledby="run-title">
      <p><Link to="/automation">All tasks</Link></p>
      <Loader state={run} what="the run">
        {(r) => (
          <>
            <h1 id="run-title">Run of {task.data ? <Link to={`/automation/tasks/${encodeURIComponent(r.taskId)}`}>{task.data.name}</Link> : "task"}{" "}
              <span data-testid="run-status"><Status value={r.status} /></span></h1>
            <dl className="facts">
              <div><dt>Requested</dt><dd>{r.requestedByName}, <Time value={r.requestedAt} /> ({r.trigger.toLowerCase()}, version {r.version})</dd></div>
              <div><dt>Parameters</dt><dd>{Object.entries(r.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(", ") || "none"}</dd></div>
              {r.requiredApprovals ? (
                <div><dt>Approvals</dt><dd>{r.approvedBy?.length ?? 0} of {r.requiredApprovals} ({(r.approverRoles ?? []).join(", ")}){r.approvalDeadline ? <> · decide by <Time value={r.approvalDeadline} /></> : null}</dd></div>
              ) : null}
              <div><dt>Started</dt><dd><Time value={r.startedAt} /></dd></div>
              <div><dt>Finished</dt><dd><Time value={r.finishedAt} />{r.exitCode !== null && r.exitCode !== undefined ? ` · exit code ${r.exitCode}` : ""}</dd></div>
              {r.detail ? <div><dt>Detail</dt><dd>{r.detail}</dd></div> : null}
              <div><dt>Inputs digest</dt><dd><code className="wrap">{r.digest}</code></dd></div>
            </dl>
            {OPEN_RUN_STATES.has(r.status) && !cancel.done ? (
              <p><button type="button" className="danger" onClick={requestCancel}>Cancel run</button></p>
            ) : null}
            {cancel.error ? <ProblemNotice error={cancel.error} what="Could not cancel" /> : null}
            <h2>Log</h2>
            <LiveLog runId={r.runId} onEnd={run.reload} />
          </>
        )}
      </Loader>
    </section>
  );
}

type LogState = "following" | "reconnecting" | "ended" | "lost";

/**
 * Follows automation-service's `log/stream` (server-sent events: `log` per chunk, then `end` with
 * the final status) and closes it at the end. The browser reconnects by itself with the last
 * event id, so the service resumes where the log stopped; if the stream is refused, the stored
 * log is read once instead and its problem, if any, shown.
 */
export function LiveLog({ runId, onEnd }: { runId: string; onEnd?: () => void }) {
  const [text, setText] = useState("");
  const [state, setState] = useState<LogState>("following");
  const [outcome, setOutcome] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const logRef = useRef<HTMLPreElement>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;

  useEffect(() => {
    setText("");
    setState("following");
    setProblem(undefined);
    const source = new EventSource(`/api/task-runs/${encodeURIComponent(runId)}/log/stream`, { withCredentials: true });
    source.addEventListener("log", (message) => {
      setState("following");
      setText((t) => t + (message as MessageEvent).data);
    });
    source.addEventListener("end", (message) => {
      source.close();
      setOutcome((message as MessageEvent).data);
      setState("ended");
      onEndRef.current?.();
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        setState("reconnecting");
        return;
      }
      setState("lost");
      get<RunLog>(`/api/task-runs/${encodeURIComponent(runId)}/log?limit=500`).then(
        (log) => setText(log.chunks.map((c) => c.text).join("")),
        (error) => setProblem(error));
    };
    return () => source.close();
  }, [runId, attempt]);

  useEffect(() => {
    const pre = logRef.current;
    if (pre) {
      pre.scrollTop = pre.scrollHeight;
    }
  }, [text]);

  return (
    <>
      <p role="status" className="small" data-testid="log-state">
        {state === "following" ? "Following the log live…" : state === "reconnecting" ? "The log stream was interrupted; reconnecting…"
          : state === "ended" ? `The run ended${outcome ? `: ${outcome.replace(/_/g, " ").toLowerCase()}` : ""}. The log is complete.`
            : "The live log stopped; showing the log as stored."}
        {state === "lost" ? <> <button type="button" onClick={() => setAttempt((a) => a + 1)}>Follow again</button></> : null}
      </p>
      {problem ? <ProblemNotice error={problem} what="Could not read the log" /> : null}
      <pre ref={logRef} className="log" role="log" aria-label="Run log" tabIndex={0} data-testid="run-log">
        {text || (state === "ended" ? "(the run wrote nothing)" : "")}
      </pre>
    </>
  );
}
