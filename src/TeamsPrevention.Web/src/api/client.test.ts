import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, setTokenSource } from "./client";

describe("api client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setTokenSource(null);
  });

  it("sends the bearer token and reads JSON", async () => {
    setTokenSource(async () => "abc");
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: 1 }), { status: 200, headers: { "Content-Type": "application/json" } }));
    vi.stubGlobal("fetch", fetch);
    await expect(api.get("/api/thing")).resolves.toEqual({ ok: 1 });
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer abc");
    expect(init.credentials).toBe("omit");
  });

  it("turns a ProblemDetails into an ApiError with its French title and detail", async () => {
    setTokenSource(async () => "abc");
    const problem = { title: "Transition refusée", detail: "Seule la présidente peut inclure.", status: 409 };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(problem), { status: 409, headers: { "Content-Type": "application/problem+json" } })));
    const error = await api.post("/api/x", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, title: "Transition refusée", detail: "Seule la présidente peut inclure." });
  });

  it("refuses to call the API when nobody is signed in", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    await expect(api.get("/api/x")).rejects.toMatchObject({ status: 401 });
    expect(fetch).not.toHaveBeenCalled();
  });
});
