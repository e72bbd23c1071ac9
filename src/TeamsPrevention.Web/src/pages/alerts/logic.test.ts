import { describe, expect, it } from "vitest";
import {
  answeredReceived,
  answererOf,
  choiceCount,
  deadlineState,
  emptySelection,
  previewFor,
  progressOf,
  selectionReducer,
  stillMoving,
  toRequest,
  validateCompose,
  type ComposeForm,
} from "./logic";
import type { AlertCounts, AlertTracking, ReceivedAlert } from "./types";

const counts = (c: Partial<AlertCounts>): AlertCounts => ({ queued: 0, sent: 0, failed: 0, cancelled: 0, recipients: 0, answered: 0, escalated: 0, waiting: 0, ...c });

const form = (f: Partial<ComposeForm>): ComposeForm => ({
  severity: "Urgent",
  category: "Signal",
  situationCode: "",
  message: "Réunion de crise demain.",
  selection: { ...emptySelection, organisations: ["o1"] },
  ...f,
});

describe("alert progress", () => {
  it("counts answers per recipient and delivery per card, and is done only when nothing waits", () => {
    const p = progressOf(counts({ queued: 1, sent: 4, failed: 1, recipients: 3, answered: 1, waiting: 2 }));
    expect(p.answeredRatio).toBeCloseTo(1 / 3);
    expect(p.cards).toBe(6);
    expect(p.deliveredRatio).toBeCloseTo(4 / 6);
    expect(p.failed).toBe(1);
    expect(p.done).toBe(false);

    expect(progressOf(counts({ sent: 3, recipients: 3, answered: 3 })).done).toBe(true);
    // Everyone answered but a card is still queued: not done yet.
    expect(progressOf(counts({ queued: 1, sent: 2, recipients: 3, answered: 3 })).done).toBe(false);
  });

  it("never divides by zero", () => {
    const p = progressOf(counts({}));
    expect(p.answeredRatio).toBe(0);
    expect(p.deliveredRatio).toBe(0);
    expect(p.done).toBe(false);
  });

  it("keeps polling while answers are awaited and stops once withdrawn or complete", () => {
    const base = { withdrawnAt: null, counts: counts({ recipients: 2, answered: 1, waiting: 1, sent: 2 }) } as AlertTracking;
    expect(stillMoving(undefined)).toBe(true);
    expect(stillMoving(base)).toBe(true);
    expect(stillMoving({ ...base, withdrawnAt: "2026-12-01T10:00:00Z" })).toBe(false);
    expect(stillMoving({ ...base, counts: counts({ recipients: 2, answered: 2, sent: 2 }) })).toBe(false);
  });
});

describe("deadline display", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("says when the deadline passed or is within the hour", () => {
    expect(deadlineState("2026-12-01T09:59:00Z", now)).toBe("passed");
    expect(deadlineState("2026-12-01T10:30:00Z", now)).toBe("soon");
    expect(deadlineState("2026-12-01T11:00:01Z", now)).toBe("later");
  });
});

describe("recipient picker state", () => {
  it("adds once, removes, replaces a kind's choices and counts choices", () => {
    let s = selectionReducer(emptySelection, { type: "add", kind: "people", value: "p1" });
    s = selectionReducer(s, { type: "add", kind: "people", value: "p1" });
    expect(s.people).toEqual(["p1"]);
    s = selectionReducer(s, { type: "set", kind: "organisations", values: ["o1", "o2", "o1"] });
    expect(s.organisations).toEqual(["o1", "o2"]);
    s = selectionReducer(s, { type: "set", kind: "roles", values: ["Partner"] });
    s = selectionReducer(s, { type: "needToKnow", value: true });
    expect(choiceCount(s)).toBe(5);
    s = selectionReducer(s, { type: "remove", kind: "organisations", value: "o1" });
    expect(s.organisations).toEqual(["o2"]);
    expect(selectionReducer(s, { type: "clear" })).toEqual(emptySelection);
  });
});

describe("compose validation", () => {
  it("accepts a complete alert and builds the API's request", () => {
    expect(validateCompose(form({}))).toEqual({});
    expect(toRequest(form({ situationCode: " K7M-4QX ", selection: { ...emptySelection, needToKnow: true } }))).toEqual({
      severity: "Urgent",
      category: "Signal",
      message: "Réunion de crise demain.",
      situationCode: "K7M-4QX",
      people: [],
      organisations: [],
      roles: [],
      needToKnow: true,
    });
  });

  it("requires a level, a category, a message and a recipient", () => {
    expect(validateCompose(form({ severity: "", category: "", message: "  ", selection: emptySelection }))).toEqual({
      severity: "compose.errors.severity",
      category: "compose.errors.category",
      message: "compose.errors.messageRequired",
      recipients: "compose.errors.recipients",
    });
  });

  it("refuses a message over 4,000 characters, a long code and a need-to-know list without a code", () => {
    expect(validateCompose(form({ message: "x".repeat(4001) })).message).toBe("compose.errors.messageTooLong");
    expect(validateCompose(form({ message: "x".repeat(4000) })).message).toBeUndefined();
    expect(validateCompose(form({ situationCode: "X".repeat(17) })).situationCode).toBe("compose.errors.situationCodeTooLong");
    expect(validateCompose(form({ selection: { ...emptySelection, needToKnow: true } })).situationCode).toBe("compose.errors.needToKnowWithoutCode");
  });
});

const received = (r: Partial<ReceivedAlert>): ReceivedAlert => ({
  id: "a1",
  reference: "AL-ACDEFG",
  severity: "Info",
  category: "Signal",
  situationCode: null,
  senderOrganisation: "CSIL-R",
  createdAt: "2026-03-02T09:00:00Z",
  deadline: "2026-03-09T16:00:00Z",
  withdrawnAt: null,
  state: "Pending",
  role: "MyOrganisation",
  answer: null,
  answeredAt: null,
  answeredBy: null,
  answeredByOrganisation: null,
  answeredByMe: false,
  ...r,
});

describe("received alerts", () => {
  it("keeps answered and withdrawn ones for the answered list, in the API's order", () => {
    const list = [
      received({ id: "p" }),
      received({ id: "w", state: "Withdrawn", withdrawnAt: "2026-03-03T09:00:00Z" }),
      received({ id: "a", state: "Answered", answer: "Acknowledged" }),
    ];
    expect(answeredReceived(list).map((a) => a.id)).toEqual(["w", "a"]);
  });

  it("says who answered: me, a named colleague, or only the organisation", () => {
    expect(answererOf(received({ answeredByMe: true, answeredBy: "Anne Leroy" }))).toEqual({ kind: "me" });
    expect(answererOf(received({ answeredBy: "Anne Leroy", answeredByOrganisation: "École" }))).toEqual({ kind: "named", name: "Anne Leroy" });
    expect(answererOf(received({ answeredByOrganisation: "CPAS" }))).toEqual({ kind: "organisation", name: "CPAS" });
    expect(answererOf(received({}))).toEqual({ kind: "none" });
  });
});

describe("deadline preview", () => {
  it("shows only a preview computed for the severity now chosen", () => {
    const urgent = { severity: "Urgent" as const, dueAt: "2026-03-09T09:30:00+01:00" };
    expect(previewFor("Urgent", urgent)).toBe("2026-03-09T09:30:00+01:00");
    expect(previewFor("Info", urgent)).toBeUndefined();
    expect(previewFor("", urgent)).toBeUndefined();
    expect(previewFor("Urgent", undefined)).toBeUndefined();
  });
});
