import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { setTokenSource } from "../../api/client";
import type { Person } from "../../api/directory";
import type { PageProps } from "../../shell/types";
import { AlertComposePage } from "./AlertComposePage";
import { RecipientPicker } from "./RecipientPicker";

const person = (id: string, displayName: string, roles: Person["roles"], organisationId = "cell"): Person => ({
  id,
  entraObjectId: id,
  displayName,
  preferredLanguage: "fr",
  organisationId,
  active: true,
  roles,
});

const coordinator = person("p-marc", "Marc Lambert", ["Coordinator"]);
const dpo = person("p-thomas", "Thomas Schmitz", ["Dpo"]);

function props(me: Person): PageProps {
  return { me, host: { kind: "browser" } as PageProps["host"], params: {}, query: new URLSearchParams() };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" } });

let posts: unknown[] = [];

beforeEach(() => {
  posts = [];
  setTokenSource(async () => "token");
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init: RequestInit) => {
      if (init.method === "POST") {
        posts.push(JSON.parse(String(init.body)));
        return json(201, { id: "a1", reference: "ACD-123", deadline: "2026-12-01T10:00:00Z" });
      }
      switch (path) {
        case "/api/directory/people":
          return json(200, [coordinator, person("p-anne", "Anne Leroy", ["Partner"], "school")]);
        case "/api/directory/organisations":
          return json(200, [
            { id: "o-school", key: "school", name: "École du Confluent", kind: "School" },
            { id: "o-cpas", key: "cpas", name: "CPAS de Namur", kind: "SocialWelfare" },
          ]);
        case "/api/directory/roles":
          return json(200, ["Chair", "Partner"]);
        case "/api/situations":
          return json(200, [{ code: "K7M-4QX", status: "Included" }]);
      }
      return json(404, {});
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  setTokenSource(null);
  window.location.hash = "";
});

const renderPage = (me: Person) =>
  render(
    <FluentProvider theme={teamsLightTheme}>
      <AlertComposePage {...props(me)} />
    </FluentProvider>,
  );

describe("AlertComposePage", { timeout: 30_000 }, () => {
  it("tells a person whose role may not send, and offers no send button", () => {
    renderPage(dpo);
    expect(screen.getByText("Envoi non autorisé")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Envoyer l'alerte" })).toBeNull();
  });

  it("always reminds that the tool is not an emergency channel", async () => {
    renderPage(coordinator);
    expect(screen.getByText(/appelez le 101 \(police\) ou le 112/)).toBeInTheDocument();
    await screen.findByRole("button", { name: "Envoyer l'alerte" });
  });

  it("shows every missing field and sends nothing", async () => {
    renderPage(coordinator);
    fireEvent.click(await screen.findByRole("button", { name: "Envoyer l'alerte" }));
    expect(await screen.findByText("Choisissez au moins un destinataire.")).toBeInTheDocument();
    expect(screen.getByText("Choisissez un niveau.")).toBeInTheDocument();
    expect(screen.getByText("Choisissez une catégorie.")).toBeInTheDocument();
    expect(screen.getByText("Écrivez un message.")).toBeInTheDocument();
    expect(posts).toHaveLength(0);
  });

  it("shows chosen recipients as tags, removes one and offers a situation's list only with a code", async () => {
    const dispatch = vi.fn();
    const choices = {
      people: [coordinator, person("p-anne", "Anne Leroy", ["Partner"], "school")],
      organisations: [{ id: "o-cpas", key: "cpas", name: "CPAS de Namur", kind: "SocialWelfare" }],
      roles: ["Partner" as const],
    };
    const selection = { people: ["p-anne"], organisations: ["o-cpas"], roles: ["Partner" as const], needToKnow: false };
    const { rerender } = render(
      <FluentProvider theme={teamsLightTheme}>
        <RecipientPicker me={coordinator} choices={choices} selection={selection} dispatch={dispatch} situationCode="" />
      </FluentProvider>,
    );
    const organisations = screen.getByRole("toolbar", { name: "Organisations : choix" });
    expect(within(organisations).getByText("CPAS de Namur")).toBeInTheDocument();
    expect(within(screen.getByRole("toolbar", { name: "Rôles : choix" })).getByText("Partenaires")).toBeInTheDocument();
    fireEvent.click(within(organisations).getByRole("button", { name: /Retirer CPAS de Namur/ }));
    expect(dispatch).toHaveBeenCalledWith({ type: "remove", kind: "organisations", value: "o-cpas" });

    expect(screen.getByRole("checkbox", { name: /indiquez d'abord un code/ })).toBeDisabled();
    rerender(
      <FluentProvider theme={teamsLightTheme}>
        <RecipientPicker me={coordinator} choices={choices} selection={selection} dispatch={dispatch} situationCode="K7M-4QX" />
      </FluentProvider>,
    );
    const list = screen.getByRole("checkbox", { name: /situation K7M-4QX/ });
    expect(list).toBeEnabled();
    fireEvent.click(list);
    expect(dispatch).toHaveBeenCalledWith({ type: "needToKnow", value: true });
  });
});
