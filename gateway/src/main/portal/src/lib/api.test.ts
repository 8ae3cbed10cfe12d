import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../test-support";
import { csrfToken, describe as describeError, get, navigation, post, Problem, RETURN_TO_KEY } from "./api";

describe("api", () => {
  afterEach(() => {
    document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
    sessionStorage.clear();
  });

  it("givenNoSession_whenApiAnswers401WithLogin_thenBrowserGoesToTheLoginAndRemembersThePage", async () => {
    fakeFetch({ "GET /api/me": { status: 401, body: { status: 401, detail: "Not logged in.", login: "/oauth2/authorization/keycloak" } } });
    const assign = vi.spyOn(navigation, "assign").mockImplementation(() => {});
    window.history.pushState(null, "", "/audit?actor=dev1");

    await expect(get("/api/me")).rejects.toBeInstanceOf(Problem);

    expect(assign).toHaveBeenCalledWith("/oauth2/authorization/keycloak");
    expect(sessionStorage.getItem(RETURN_TO_KEY)).toBe("/audit?actor=dev1");
  });

  it("givenCsrfCookie_whenPosting_thenTokenEchoedInHeaderAndNotOnGets", async () => {
    document.cookie = "XSRF-TOKEN=abc%2D123";
    const calls = fakeFetch({ "POST /api/promotions/p1/approvals": { status: 202, body: { id: "p1" } }, "GET /api/me": { body: {} } });

    await post("/api/promotions/p1/approvals", { comment: "ok" });
    await get("/api/me");

    const headers = (calls[0].init.headers ?? {}) as Record<string, string>;
    expect(headers["X-XSRF-TOKEN"]).toBe("abc-123");
    expect(calls[0].init.body).toBe('{"comment":"ok"}');
    expect(calls[0].init.credentials).toBe("same-origin");
    expect((calls[1].init.headers as Record<string, string>)["X-XSRF-TOKEN"]).toBeUndefined();
  });

  it("givenProblemAnswer_whenDescribed_thenDetailNotAGenericError", async () => {
    fakeFetch({ "POST /api/promotions/p1/approvals": { status: 403, body: { title: "Forbidden", status: 403, code: "approval.self-approval", detail: "You may not approve your own request." } } });

    const error = await post("/api/promotions/p1/approvals").catch((e) => e);

    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).code).toBe("approval.self-approval");
    expect(describeError(error)).toBe("You may not approve your own request.");
  });

  it("givenSeveralCookies_whenReadingCsrfToken_thenOnlyXsrfTokenIsTaken", () => {
    expect(csrfToken("a=1; XSRF-TOKEN=x%3Dy; b=2")).toBe("x=y");
    expect(csrfToken("a=1")).toBeUndefined();
  });
});
