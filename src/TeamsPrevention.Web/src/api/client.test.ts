import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, earlyMs, setTokenSource } from "./client";

function jsonFetch(bodies: unknown[]) {
  let n = 0;
  return vi.fn(async () => new Response(JSON.stringify(bodies[n++]), { status: 200, headers: { "Content-Type": "application/json" } }));
}

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

  it("gives a prefetched answer to the page's first GET of that path, then asks again", async () => {
    setTokenSource(async () => "abc");
    const fetch = jsonFetch([["early"], ["fresh"]]);
    vi.stubGlobal("fetch", fetch);
    api.prefetch("/api/situations");
    await expect(api.get("/api/situations")).resolves.toEqual(["early"]);
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(api.get("/api/situations")).resolves.toEqual(["fresh"]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("asks again when the prefetched answer is too old, failed, or the person signed out meanwhile", async () => {
    setTokenSource(async () => "abc");
    const now = vi.spyOn(performance, "now");
    now.mockReturnValue(1_000);
    vi.stubGlobal("fetch", jsonFetch([["old"], ["new"]]));
    api.prefetch("/api/alerts");
    now.mockReturnValue(1_000 + earlyMs + 1);
    await expect(api.get("/api/alerts")).resolves.toEqual(["new"]);
    now.mockRestore();

    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(new Response("{}", { status: 500 })).mockResolvedValueOnce(new Response("[1]", { status: 200 })));
    api.prefetch("/api/meetings");
    await expect(api.get("/api/meetings")).resolves.toEqual([1]);

    const fetch = jsonFetch([["before sign-out"], ["after"]]);
    vi.stubGlobal("fetch", fetch);
    api.prefetch("/api/alerts/pending");
    setTokenSource(async () => "someone else");
    await expect(api.get("/api/alerts/pending")).resolves.toEqual(["after"]);
    const init = (fetch.mock.calls[1] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer someone else");
  });
});
