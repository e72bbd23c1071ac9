import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import type { TabConfig } from "../host/config";
import type { Host } from "../host/host";
import { pathForSubPage, teamsDeepLink } from "./deepLink";
import { Root } from "./Root";
import { SignIn } from "./SignIn";

// Teams single sign-on, as the host would answer it.
vi.mock("../host/host", async (original) => ({ ...(await original<typeof import("../host/host")>()), teamsToken: async () => "teams-token" }));

const alertId = "3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
const appId = "5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13";
const config: TabConfig = { clientId: "c", tenantId: "t", apiScope: "api://x/c/access_as_user", idleTimeoutMinutes: 30, sandbox: null, teamsAppId: appId };
const me = { id: "p-sophie", entraObjectId: "o", displayName: "Sophie Martin", preferredLanguage: "fr", organisationId: "cell", active: true, roles: ["Referent"] };

describe("the page a Teams deep link names", () => {
  it("is the sub-entity's hash route when it names a page of the tab", () => {
    expect(pathForSubPage(`alerts/${alertId}`)).toBe(`/alerts/${alertId}`);
    expect(pathForSubPage("alerts/new")).toBe("/alerts/new");
    expect(pathForSubPage("situations/K7M-4QX")).toBe("/situations/K7M-4QX");
    expect(pathForSubPage("meetings/0b1c2d3e-0000-4000-8000-000000000002")).toBe("/meetings/0b1c2d3e-0000-4000-8000-000000000002");
    expect(pathForSubPage("situations")).toBe("/situations");
  });

  it("is nothing without a sub-entity (the tab opened from its icon)", () => {
    expect(pathForSubPage(undefined)).toBeNull();
    expect(pathForSubPage("")).toBeNull();
  });

  it("is the dashboard when the sub-entity is unknown or malformed", () => {
    for (const bad of ["nowhere", "alerts/new/again/and/again", "../audit", "/situations/K7M-4QX", "situations/K7M 4QX", "javascript:alert(1)",
      "situations/<b>x</b>", "alerts?x=1", "https://evil.example/", "x".repeat(200)]) {
      expect(pathForSubPage(bad), bad).toBe("/");
    }
  });

  it("is what the App's deep links carry: the format Microsoft documents", () => {
    // The same literal as the App's TabLinksTests: one format on both sides.
    expect(teamsDeepLink(appId, `/alerts/${alertId}`)).toBe(
      `https://teams.microsoft.com/l/entity/${appId}/dashboard?context=%7B%22subEntityId%22%3A%22alerts%2F${alertId}%22%7D`,
    );
    expect(teamsDeepLink(appId, "/")).toBe(`https://teams.microsoft.com/l/entity/${appId}/dashboard`);
    expect(teamsDeepLink(appId, "/no/such/page")).toBe(`https://teams.microsoft.com/l/entity/${appId}/dashboard`);
  });
});

describe("the tab opened by a deep link in Teams", () => {
  let requested: string[] = [];

  beforeEach(() => {
    requested = [];
    window.history.replaceState(null, "", "/");
    vi.stubGlobal("ResizeObserver", class {
      observe() {}
      unobserve() {}
      disconnect() {}
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (path: string) => {
        requested.push(path);
        if (path === "/api/directory/me") {
          return new Response(JSON.stringify(me), { status: 200, headers: { "Content-Type": "application/json" } });
        }
        if (path.startsWith("/api/situations/")) {
          // Not on the list: the API answers 404, whatever the link said.
          return new Response(JSON.stringify({ title: "Situation introuvable", status: 404 }), { status: 404, headers: { "Content-Type": "application/problem+json" } });
        }
        return new Response("[]", { status: 200, headers: { "Content-Type": "application/json" } });
      }),
    );
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, "", "/");
  });

  function open(host: Host) {
    render(<Root startup={Promise.resolve([config, host] as [TabConfig, Host])} />);
  }

  it("signs in and lands on the page the sub-entity names, its access checked by the API", async () => {
    open({ kind: "teams", locale: "fr-BE", subPageId: "situations/K7M-4QX" });

    expect(await screen.findByRole("heading", { name: "Situation introuvable", level: 1 }, { timeout: 10_000 })).toBeVisible();
    expect(window.location.hash).toBe("#/situations/K7M-4QX");
    expect(requested).toContain("/api/situations/K7M-4QX");
  });

  it("lands on the dashboard when the sub-entity names no page", async () => {
    window.history.replaceState(null, "", "/#/alerts");
    open({ kind: "teams", locale: "fr-BE", subPageId: "../audit?x" });

    expect(await screen.findByRole("heading", { name: "Tableau de bord", level: 1 }, { timeout: 10_000 })).toBeVisible();
    expect(window.location.hash).toBe("#/");
  });

  it("keeps the address it was opened at without a sub-entity", async () => {
    window.history.replaceState(null, "", "/#/alerts/new");
    open({ kind: "teams", locale: "fr-BE" });

    expect(await screen.findByRole("heading", { name: "Nouvelle alerte", level: 1 }, { timeout: 10_000 })).toBeVisible();
    expect(window.location.hash).toBe("#/alerts/new");
  });
});

describe("a link opened in a browser outside Teams", () => {
  afterEach(() => window.history.replaceState(null, "", "/"));

  it("offers the same page in Teams", () => {
    window.history.replaceState(null, "", `/#/alerts/${alertId}`);
    render(<SignIn config={config} personas={Promise.resolve([])} onSignIn={async () => undefined} />);

    expect(screen.getByRole("link", { name: "Ouvrir cette page dans Teams" })).toHaveAttribute("href", teamsDeepLink(appId, `/alerts/${alertId}`));
  });

  it("offers nothing when the App's links do not open Teams", () => {
    render(<SignIn config={{ ...config, teamsAppId: null }} personas={Promise.resolve([])} onSignIn={async () => undefined} />);

    expect(screen.queryByRole("link", { name: "Ouvrir cette page dans Teams" })).toBeNull();
  });
});
