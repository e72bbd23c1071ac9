import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
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
let postStatus = 201;
let previews: string[] = [];

beforeEach(() => {
  posts = [];
  previews = [];
  postStatus = 201;
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
        if (postStatus === 422 && !JSON.parse(String(init.body)).personalDataConfirmed) {
          return json(422, {
            status: 422,
            title: "Le texte semble contenir des données personnelles.",
            errors: { message: ["Semble contenir : un nom."] },
            personalData: { message: ["name"] },
            confirmWith: "personalDataConfirmed",
            identityFields: false,
          });
        }
        return postStatus === 403 ? json(403, { title: "Forbidden" }) : json(201, { id: "a1", reference: "ACD-123", deadline: "2026-12-01T10:00:00Z" });
      }
      if (path.startsWith("/api/alerts/deadline-preview?severity=")) {
        const severity = path.split("=")[1];
        previews.push(severity);
        const dueAt = { Urgent: "2026-03-09T09:30:00+01:00", Info: "2026-03-13T17:00:00+01:00", Elevated: "2026-03-10T17:00:00+01:00" }[severity];
        return json(200, { severity, dueAt });
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

  it("checks chosen recipients, unchecks one and offers a situation's list only with a code", () => {
    const dispatch = vi.fn();
    const choices = {
      people: [coordinator, person("p-anne", "Anne Leroy", ["Partner"], "school")],
      organisations: [{ id: "o-cpas", key: "cpas", name: "CPAS de Namur", kind: "SocialWelfare" as const }],
      roles: ["Partner" as const],
    };
    const selection = { people: ["p-anne"], organisations: ["o-cpas"], roles: [], needToKnow: false };
    const { rerender } = render(
      <FluentProvider theme={teamsLightTheme}>
        <RecipientPicker me={coordinator} choices={choices} selection={selection} dispatch={dispatch} situationCode="" />
      </FluentProvider>,
    );
    // The sender is never offered as a recipient.
    expect(screen.queryByRole("checkbox", { name: "Marc Lambert" })).toBeNull();
    const organisations = screen.getByRole("group", { name: "Organisations" });
    expect(within(organisations).getByRole("checkbox", { name: "CPAS de Namur" })).toBeChecked();
    expect(screen.getByText("2 choix")).toBeInTheDocument();
    fireEvent.click(within(organisations).getByRole("checkbox", { name: "CPAS de Namur" }));
    expect(dispatch).toHaveBeenCalledWith({ type: "set", kind: "organisations", values: [] });
    fireEvent.click(within(screen.getByRole("group", { name: "Rôles" })).getByRole("checkbox", { name: "Partenaires" }));
    expect(dispatch).toHaveBeenCalledWith({ type: "set", kind: "roles", values: ["Partner"] });

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

  it("shows the deadline for the chosen severity and refreshes it when the severity changes", async () => {
    renderPage(coordinator);
    await screen.findByRole("button", { name: "Envoyer l'alerte" });
    expect(screen.getByTestId("deadline-preview")).toHaveTextContent("");
    expect(previews).toEqual([]);

    fireEvent.click(screen.getByRole("radio", { name: /^Urgente/ }));
    expect(await screen.findByText(/^Réponse attendue au plus tard le 09\/03\/2026.*09:30$/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole("radio", { name: /^Information/ }));
    expect(await screen.findByText(/^Réponse attendue au plus tard le 13\/03\/2026.*17:00$/)).toBeInTheDocument();
    expect(screen.queryByText(/09\/03\/2026/)).toBeNull();
    expect(previews).toEqual(["Urgent", "Info"]);
  });

  it("sends the chosen recipients and says plainly when the API refuses the sender", async () => {
    postStatus = 403;
    renderPage(coordinator);
    fireEvent.click(await screen.findByRole("checkbox", { name: "École du Confluent" }));
    fireEvent.click(screen.getByRole("radio", { name: /^Urgente/ }));
    fireEvent.change(screen.getByRole("combobox", { name: /Catégorie/ }), { target: { value: "Signal" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Message/ }), { target: { value: "Point de situation demandé." } });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer l'alerte" }));

    expect(await screen.findByText("Envoi non autorisé")).toBeInTheDocument();
    expect(posts).toEqual([
      { severity: "Urgent", category: "Signal", message: "Point de situation demandé.", situationCode: null, people: [], organisations: ["o-school"], roles: [], needToKnow: false },
    ]);
  });

  it("warns under the message when the App finds a name, and sends it only when the sender saves anyway", async () => {
    postStatus = 422;
    renderPage(coordinator);
    fireEvent.click(await screen.findByRole("checkbox", { name: "École du Confluent" }));
    fireEvent.click(screen.getByRole("radio", { name: /^Information/ }));
    fireEvent.change(screen.getByRole("combobox", { name: /Catégorie/ }), { target: { value: "Signal" } });
    const message = screen.getByRole("textbox", { name: /Message/ });
    fireEvent.change(message, { target: { value: "Nouvelles de M. Testfictif." } });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer l'alerte" }));

    expect(await screen.findByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).toBeInTheDocument();
    expect(screen.getByText("Le texte semble contenir des données personnelles")).toBeInTheDocument();
    expect(screen.queryByText("Le texte semble contenir des données personnelles.")).toBeNull();
    expect(screen.getByText(/Pas de nom ni de détail identifiant/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Corriger" }));
    expect(screen.queryByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).toBeNull();
    expect(message).toHaveFocus();

    fireEvent.click(screen.getByRole("button", { name: "Envoyer l'alerte" }));
    fireEvent.click(await screen.findByRole("button", { name: "Enregistrer quand même" }));
    await waitFor(() => expect(posts).toHaveLength(3));
    expect(posts.map((p) => (p as { personalDataConfirmed?: boolean }).personalDataConfirmed)).toEqual([undefined, undefined, true]);
  });
});
