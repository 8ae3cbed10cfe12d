/**
 * The portal's only way to the server. The browser holds a session cookie, never a token (the
 * gateway is a BFF): requests go same-origin with the cookie, mutations echo the CSRF cookie in
 * X-XSRF-TOKEN, and a 401 that names a `login` URL sends the whole page there.
 */

/** An RFC 9457 problem as the gateway and the services answer it. */
export class Problem extends Error {
  readonly status: number;
  readonly code?: string;
  readonly title: string;
  readonly detail?: string;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === "string" ? body.detail : undefined;
    const title = typeof body.title === "string" ? body.title : `HTTP ${status}`;
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.code = typeof body.code === "string" ? body.code : undefined;
    this.body = body;
  }
}

/** `{entries, nextCursor}`: what every list endpoint answers. */
export interface Page<T> {
  entries: T[];
  nextCursor?: string | null;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
export const RETURN_TO_KEY = "opsledger.returnTo";

export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "XSRF-TOKEN") {
      return decodeURIComponent(value.join("="));
    }
  }
  return undefined;
}

/** Where the browser goes to sign in; kept apart so tests can watch it. */
export const navigation = {
  assign(url: string) {
    window.location.assign(url);
  },
};

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (!SAFE.has(method)) {
    const token = csrfToken();
    if (token) {
      headers["X-XSRF-TOKEN"] = token;
    }
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { detail: text.slice(0, 500) };
    }
  }
  if (!response.ok) {
    const problem = new Problem(response.status, (parsed as Record<string, unknown>) ?? {});
    if (response.status === 401 && typeof problem.body.login === "string") {
      // Come back to the same page after Keycloak: the gateway itself always lands on /.
      sessionStorage.setItem(RETURN_TO_KEY, window.location.pathname + window.location.search);
      navigation.assign(problem.body.login);
    }
    throw problem;
  }
  return parsed as T;
}

export const get = <T>(path: string) => request<T>("GET", path);
export const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);

/** Some endpoints answer a bare array; everything else answers a page. */
export function asPage<T>(answer: T[] | Page<T>): Page<T> {
  return Array.isArray(answer) ? { entries: answer, nextCursor: null } : answer;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A problem's own words when there are any: `detail`, never a bare "Error". */
export function describe(error: unknown): string {
  if (error instanceof Problem) {
    return error.detail ?? `${error.title} (${error.status})`;
  }
  if (error instanceof TypeError) {
    return "The gateway could not be reached. Check your connection and try again.";
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The fields a problem is about, with the API's own reason for each, so a form can put the
 * message next to its input: a 400 `validation.failed` lists them in `errors`; a 422 names one in
 * `field` (its `detail` is the reason); a rule without a field is mapped by its `code` when the
 * form knows which input it concerns. Field names are the API's (`duration`, `parameters.target`).
 */
export function problemFields(error: unknown, fieldOfCode: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof Problem)) {
    return {};
  }
  const fields: Record<string, string> = {};
  const errors = error.body.errors;
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (entry && typeof entry === "object" && typeof entry.field === "string" && typeof entry.reason === "string") {
        fields[entry.field] = fields[entry.field] ? `${fields[entry.field]}; ${entry.reason}` : entry.reason;
      }
    }
  }
  const field = typeof error.body.field === "string" ? error.body.field : error.code ? fieldOfCode[error.code] : undefined;
  if (field && !fields[field]) {
    fields[field] = error.detail ?? error.title;
  }
  return fields;
}
