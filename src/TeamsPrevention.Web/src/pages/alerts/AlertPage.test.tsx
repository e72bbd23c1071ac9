import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { setTokenSource } from "../../api/client";
import type { Person } from "../../api/directory";
import type { PageProps } from "../../shell/types";
import { AlertPage } from "./AlertPage";
import type { AlertRecipientTracking, AlertTracking } from "./types";

const me: Person = { id: "p-marc", entraObjectId: "o", displayName: "Marc Lambert", preferredLanguage: "fr", organisationId: "cell", active: true, roles: ["Coordinator"] };

const recipient = (name: string, answer: AlertRecipientTracking["answer"], answeredBy: string | null = null): AlertRecipientTracking => ({
  id: name,
  kind: "Organisation",
  name,
  chosenAs: "Organisation",
  answer,
  answeredAt: answer ? "2026-12-01T09:05:00Z" : null,
  answeredBy,
  escalationLevel: 0,
  escalationDueAt: null,
  escalatedTo: [],
});

function tracking(answered: number): AlertTracking {
  return {
    id: "a1",
    reference: "AL-7K3Q",
    severity: "Urgent",
    category: "Coordination",
    situationCode: null,
    message: "Réunion demain.",
    senderOrganisation: "CSIL-R",
    createdAt: "2026-12-01T09:00:00Z",
    deadline: "2026-12-01T10:00:00Z",
    withdrawnAt: null,
    counts: { queued: 0, sent: 2, failed: 1, cancelled: 0, recipients: 2, answered, escalated: 0, waiting: 2 - answered },
    recipients: [recipient("CPAS", answered > 0 ? "Acknowledged" : null, answered > 0 ? "Pieter De Smet" : null), recipient("École", null)],
    deliveries: [
      { id: "d1", recipientId: "CPAS", person: "Pieter De Smet", reason: "Organisation", status: "Sent", sentAt: "2026-12-01T09:00:05Z", attempts: 1, failureReason: null },
      { id: "d2", recipientId: "École", person: "Anne Leroy", reason: "Organisation", status: "Failed", sentAt: null, attempts: 3, failureReason: "L'application n'est pas installée." },
    ],
  };
}

let calls = 0;
let restricted = false;

beforeEach(() => {
  calls = 0;
  restricted = false;
  setTokenSource(async () => "token");
  vi.stubGlobal("ResizeObserver", class {
    observe() {}
    unobserve() {}
    disconnect() {}
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      calls++;
      const body = restricted ? { ...tracking(0), message: null, situationCode: null, restricted: true } : tracking(calls > 1 ? 1 : 0);
      return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  setTokenSource(null);
});

describe("AlertPage", { timeout: 30_000 }, () => {
  it("shows per-recipient tracking, a failure's reason, and the next answer without reloading", async () => {
    const props: PageProps = { me, host: { kind: "browser" } as PageProps["host"], params: { id: "a1" }, query: new URLSearchParams() };
    render(
      <FluentProvider theme={teamsLightTheme}>
        <AlertPage {...props} />
      </FluentProvider>,
    );
    expect(await screen.findByRole("heading", { name: "Alerte AL-7K3Q" })).toBeInTheDocument();
    expect(screen.getAllByText("0 réponse(s) sur 2 destinataire(s)").length).toBeGreaterThan(0);
    expect(screen.getByText("L'application n'est pas installée.")).toBeInTheDocument();
    expect(screen.getByText("Échec")).toBeInTheDocument();

    // The page polls every 2 s: the answer arrives in place, with who answered for the organisation.
    expect((await screen.findAllByText("1 réponse(s) sur 2 destinataire(s)", {}, { timeout: 8_000 })).length).toBeGreaterThan(0);
    // Pieter appears twice: the card delivered to him, and as the one who answered for the CPAS.
    expect(screen.getAllByText("Pieter De Smet", { selector: "td" })).toHaveLength(2);
    expect(screen.getByText("Réception accusée")).toBeInTheDocument();
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it("says why an alert about a situation off the follower's list shows no message", async () => {
    restricted = true;
    const props: PageProps = { me, host: { kind: "browser" } as PageProps["host"], params: { id: "a1" }, query: new URLSearchParams() };
    render(
      <FluentProvider theme={teamsLightTheme}>
        <AlertPage {...props} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/son code et son message ne sont pas affichés/)).toBeInTheDocument();
    expect(screen.queryByText("Réunion demain.")).not.toBeInTheDocument();
    expect(screen.getAllByText("0 réponse(s) sur 2 destinataire(s)").length).toBeGreaterThan(0);
  });
});
