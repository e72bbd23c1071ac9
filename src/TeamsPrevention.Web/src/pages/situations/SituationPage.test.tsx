import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { setTokenSource } from "../../api/client";
import type { Person } from "../../api/directory";
import type { SituationDetail } from "../../api/situations";
import i18n from "../../i18n/i18n";
import { SituationPage } from "./SituationPage";

const person = (roles: Person["roles"]): Person => ({
  id: "11111111-1111-1111-1111-111111111111",
  entraObjectId: "e",
  displayName: "Personne Fictive",
  preferredLanguage: "fr",
  organisationId: "o1",
  active: true,
  roles,
});

const detail: SituationDetail = {
  summary: {
    code: "K7M-4QX",
    status: "Screening",
    access: "content",
    createdAt: "2026-11-01T09:00:00Z",
    nextReviewAt: null,
    reviewOverdue: false,
    nextAfterCareAt: null,
    afterCareOverdue: false,
    channel: "None",
  },
  sourceOrganisationId: "o1",
  signalDate: "2026-11-01",
  signalText: "Faits observés",
  indicators: [],
  referentId: null,
  referredTo: null,
  closedAt: null,
  closureReason: null,
  actions: [],
  reviews: [],
  needToKnow: [],
  identity: [{ key: "firstName", category: "Identity", label: "Prénom", present: true, value: "••••••" }],
  channelProblem: null,
};

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } }),
  );
}

function routes(situation: (method: string) => Promise<Response>) {
  return vi.fn((url: string, init: RequestInit) => {
    if (url.endsWith("/identity/reveal")) {
      return reply(200, [{ key: "firstName", category: "Identity", label: "Prénom", present: true, value: "Zorglub" }]);
    }
    if (url.startsWith("/api/situations/")) {
      return situation(init.method ?? "GET");
    }
    if (url === "/api/directory/organisations") {
      return reply(200, [{ id: "o1", key: "cell", name: "Cellule", kind: "City" }]);
    }
    if (url === "/api/directory/people") {
      return reply(200, []);
    }
    return reply(404, { title: "Introuvable" });
  });
}

const ui = (me: Person) => (
  <FluentProvider theme={teamsLightTheme}>
    <SituationPage me={me} host={{ kind: "browser" } as never} params={{ code: "K7M-4QX" }} query={new URLSearchParams()} />
  </FluentProvider>
);

describe("SituationPage", () => {
  beforeEach(async () => {
    await i18n.changeLanguage("fr");
    setTokenSource(async () => "token");
    // The referent's page has dropdowns (actions, the access list), which measure themselves.
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    setTokenSource(null);
    vi.unstubAllGlobals();
  });

  it("shows only 'Situation introuvable' to a partner off the list", async () => {
    vi.stubGlobal("fetch", routes(() => reply(404, { title: "Situation introuvable." })));
    render(ui(person(["Partner"])));
    expect(await screen.findByRole("heading", { level: 1, name: "Situation introuvable" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { level: 2 })).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
    await waitFor(() => expect(document.title).toBe("Situation introuvable — TeamsPrevention"));
  });

  it("offers a cell member off the list break-glass with a written reason", async () => {
    vi.stubGlobal("fetch", routes(() => reply(404, { title: "Situation introuvable." })));
    render(ui(person(["Coordinator"])));
    expect(await screen.findByRole("button", { name: "Accéder (bris de glace)" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Motif écrit/ })).toBeInTheDocument();
  });

  it("offers the Chair inclusion and decline while screening, titled by the code only", async () => {
    vi.stubGlobal("fetch", routes(() => reply(200, detail)));
    render(ui(person(["Chair"])));
    expect(await screen.findByRole("button", { name: "Inscrire" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ne pas inscrire" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Commencer l'analyse préalable" })).toBeNull();
    await waitFor(() => expect(document.title).toBe("Situation K7M-4QX — TeamsPrevention"));
  });

  it("reveals the identity with a reason, in the page only, and masks it again when asked or when left", async () => {
    const fetch = routes(() => reply(200, detail));
    vi.stubGlobal("fetch", fetch);
    const view = render(ui(person(["Chair"])));
    await screen.findByText("••••••");
    fireEvent.change(screen.getByRole("textbox", { name: /Motif de la consultation/ }), { target: { value: "Préparer la réunion de cas" } });
    fireEvent.click(screen.getByRole("button", { name: "Révéler" }));
    expect(await screen.findByText("Zorglub")).toBeInTheDocument();
    const revealCall = fetch.mock.calls.find(([url]) => String(url).endsWith("/identity/reveal"))!;
    expect(JSON.parse(String(revealCall[1].body))).toEqual({ reason: "Préparer la réunion de cas" });
    expect(document.title).not.toContain("Zorglub");
    expect(window.location.href).not.toContain("Zorglub");

    fireEvent.click(screen.getByRole("button", { name: "Masquer" }));
    await waitFor(() => expect(screen.queryByText("Zorglub")).toBeNull());

    fireEvent.change(screen.getByRole("textbox", { name: /Motif de la consultation/ }), { target: { value: "Encore une fois" } });
    fireEvent.click(screen.getByRole("button", { name: "Révéler" }));
    expect(await screen.findByText("Zorglub")).toBeInTheDocument();
    view.unmount();
    render(ui(person(["Chair"])));
    await screen.findByText("••••••");
    expect(screen.queryByText("Zorglub")).toBeNull();
  });

  it("lets only the referent complete the identity, sending the fields filled in", async () => {
    const fetch = routes(() => reply(200, detail));
    vi.stubGlobal("fetch", fetch);
    const chair = render(ui(person(["Chair"])));
    await screen.findByText("••••••");
    expect(screen.queryByRole("button", { name: "Compléter ou modifier l'identité" })).toBeNull();
    chair.unmount();

    render(ui(person(["Referent"])));
    fireEvent.click(await screen.findByRole("button", { name: "Compléter ou modifier l'identité" }));
    const form = screen.getByRole("form", { name: "Compléter ou modifier l'identité" });
    fireEvent.change(within(form).getByRole("textbox", { name: "Nom" }), { target: { value: " Testfictif " } });
    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer l'identité" }));
    expect(await screen.findByText("Identité enregistrée.")).toBeInTheDocument();
    const put = fetch.mock.calls.find(([, init]) => init.method === "PUT")!;
    expect(String(put[0])).toBe("/api/situations/K7M-4QX/identity");
    expect(JSON.parse(String(put[1].body))).toEqual({ lastName: "Testfictif" });
  });

  it("warns under an action's description and adds it only when the referent saves anyway", async () => {
    const included: SituationDetail = { ...detail, summary: { ...detail.summary, status: "Included" } };
    const posts: { personalDataConfirmed?: boolean }[] = [];
    const warning = { status: 422, title: "Le texte semble contenir des données personnelles.", errors: { description: ["x"] }, personalData: { description: ["name"] } };
    const fetch = routes(() => reply(200, included));
    vi.stubGlobal(
      "fetch",
      vi.fn((url: string, init: RequestInit) => {
        if (url.endsWith("/actions") && init.method === "POST") {
          const body = JSON.parse(String(init.body));
          posts.push(body);
          return body.personalDataConfirmed ? reply(200, included) : reply(422, warning);
        }
        return fetch(url, init);
      }),
    );
    render(ui(person(["Referent"])));
    const form = await screen.findByRole("form", { name: "Ajouter une action" });
    fireEvent.change(within(form).getByRole("textbox", { name: /Action/ }), { target: { value: "Voir M. Testfictif" } });
    fireEvent.change(within(form).getByLabelText(/Échéance/), { target: { value: "2026-12-01" } });
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(await within(form).findByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).toBeInTheDocument();
    expect(within(form).queryByText("Le texte semble contenir des données personnelles.")).toBeNull();

    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer quand même" }));
    await waitFor(() => expect(within(form).queryByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).toBeNull());
    expect(posts.map((p) => p.personalDataConfirmed)).toEqual([false, true]);
    expect(posts[1]).toMatchObject({ description: "Voir M. Testfictif" });
  });
});
