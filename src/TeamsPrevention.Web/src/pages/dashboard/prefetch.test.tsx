import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { api, setTokenSource } from "../../api/client";
import type { Person } from "../../api/directory";
import { findRoute } from "../../shell/areas";
import { DashboardPage } from "./DashboardPage";

const me: Person = { id: "p-marc", entraObjectId: "o", displayName: "Marc Lambert", preferredLanguage: "fr", organisationId: "cell", active: true, roles: ["Coordinator"] };

let requested: string[] = [];

beforeEach(() => {
  requested = [];
  setTokenSource(async () => "token");
  vi.stubGlobal("ResizeObserver", class {
    observe() {}
    unobserve() {}
    disconnect() {}
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string) => {
      requested.push(path);
      return new Response("[]", { status: 200, headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  setTokenSource(null);
});

function show() {
  render(
    <FluentProvider theme={teamsLightTheme}>
      <DashboardPage me={me} host={{ kind: "browser" }} params={{}} query={new URLSearchParams()} />
    </FluentProvider>,
  );
}

describe("dashboard prefetch at sign-in", () => {
  it("names exactly the GETs the dashboard makes as it opens", async () => {
    show();
    await screen.findByText(/Aucune situation|aucune situation/i);
    const prefetch = findRoute("/")?.route.prefetch ?? [];
    expect([...prefetch].sort()).toEqual([...new Set(requested)].sort());
  });

  it("opens on the prefetched answers without asking again", async () => {
    for (const path of findRoute("/")?.route.prefetch ?? []) {
      api.prefetch(path);
    }
    await vi.waitFor(() => expect(requested).toHaveLength(4));
    show();
    await screen.findByText(/Aucune situation|aucune situation/i);
    await screen.findByText("Aucune réunion prévue.");
    expect(requested).toHaveLength(4);
  });
});
