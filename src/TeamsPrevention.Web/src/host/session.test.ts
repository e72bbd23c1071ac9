import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "../api/client";
import { Session, type EndReason } from "./session";

describe("Session", () => {
  afterEach(() => vi.unstubAllGlobals());

  function start(now: { value: number }, expiresAt: number | null, ended: EndReason[]) {
    return new Session({
      token: async () => "token",
      expiresAt,
      idleMinutes: 30,
      onEnd: (r) => ended.push(r),
      now: () => now.value,
      tickMs: 1_000_000,
    });
  }

  it("ends after the idle timeout without requests", () => {
    const now = { value: 0 };
    const ended: EndReason[] = [];
    const session = start(now, null, ended);
    now.value = 29 * 60_000;
    expect(session.check()).toBe(true);
    now.value = 30 * 60_000;
    expect(session.check()).toBe(false);
    expect(ended).toEqual(["idle"]);
  });

  it("keeps going while requests are made", async () => {
    const now = { value: 0 };
    const ended: EndReason[] = [];
    const session = start(now, null, ended);
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } })));
    now.value = 20 * 60_000;
    await api.get("/api/x");
    now.value = 45 * 60_000;
    expect(session.check()).toBe(true);
    session.end("signedOut");
    expect(ended).toEqual(["signedOut"]);
  });

  it("ends when the token expires and refuses to send requests afterwards", async () => {
    const now = { value: 0 };
    const ended: EndReason[] = [];
    start(now, 10_000, ended);
    now.value = 10_000;
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    await expect(api.get("/api/x")).rejects.toThrow();
    expect(fetch).not.toHaveBeenCalled();
    expect(ended).toEqual(["expired"]);
  });

  it("ends on a 401 from the API", async () => {
    const now = { value: 0 };
    const ended: EndReason[] = [];
    const session = start(now, null, ended);
    vi.stubGlobal("fetch", vi.fn(async () => new Response(null, { status: 401 })));
    await expect(api.get("/api/x")).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(["expired"]);
    expect(session.isActive).toBe(false);
  });
});
