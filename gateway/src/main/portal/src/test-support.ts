import { vi } from "vitest";

/** A fetch stand-in answering by "METHOD path"; records every call. */
export function fakeFetch(routes: Record<string, { status?: number; body?: unknown } | ((init: RequestInit) => { status?: number; body?: unknown })>) {
  const calls: { method: string; path: string; init: RequestInit }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = (init.method ?? "GET").toUpperCase();
    const path = String(input);
    calls.push({ method, path, init });
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${path.split("?")[0]}`];
    const answer = typeof route === "function" ? route(init) : route;
    if (!answer) {
      return new Response(JSON.stringify({ title: "Not Found", status: 404, detail: `no stand-in for ${method} ${path}` }), { status: 404 });
    }
    return new Response(answer.body === undefined ? "" : JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}
