import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { attendanceChoices, fromBrusselsInput, isMissingRoute, notAccepted, refusedEntries, toBrusselsInput, toMeetingInput, toMinutesInput, validateMinutes, validateSchedule, type ScheduleForm } from "./logic";

const now = new Date("2026-11-29T08:00:00Z");
const form = (f: Partial<ScheduleForm>): ScheduleForm => ({ kind: "Platform", start: "2026-12-01T10:00", end: "2026-12-01T12:00", occurrences: "", attendeeIds: ["p1"], ...f });

describe("Brussels times", () => {
  it("reads a Brussels wall-clock time as UTC on both sides of daylight saving", () => {
    expect(fromBrusselsInput("2026-12-01T10:00")).toBe("2026-12-01T09:00:00.000Z");
    expect(fromBrusselsInput("2026-07-01T10:00")).toBe("2026-07-01T08:00:00.000Z");
    expect(fromBrusselsInput("2026-10-25T04:00")).toBe("2026-10-25T03:00:00.000Z");
    expect(fromBrusselsInput("2026-03-29T04:00")).toBe("2026-03-29T02:00:00.000Z");
    expect(fromBrusselsInput("")).toBeNull();
    expect(fromBrusselsInput("1 décembre")).toBeNull();
  });

  it("writes an instant back as Brussels wall-clock time", () => {
    expect(toBrusselsInput("2026-12-01T09:00:00Z")).toBe("2026-12-01T10:00");
    expect(toBrusselsInput("2026-07-01T08:00:00Z")).toBe("2026-07-01T10:00");
  });
});

describe("schedule form", () => {
  it("accepts a platform meeting and builds the API's input in UTC", () => {
    expect(validateSchedule(form({ occurrences: "12" }), now)).toEqual({});
    expect(toMeetingInput(form({ occurrences: "12" }))).toEqual({
      kind: "Platform",
      startAt: "2026-12-01T09:00:00.000Z",
      endAt: "2026-12-01T11:00:00.000Z",
      attendeeIds: ["p1"],
      occurrences: 12,
    });
    // A case meeting has no recurrence, whatever the field held.
    expect(toMeetingInput(form({ kind: "Case", occurrences: "12" })).occurrences).toBeNull();
  });

  it("refuses a missing kind, a past start, an end before the start or over 8 hours, and a bad recurrence", () => {
    expect(validateSchedule(form({ kind: "", start: "", end: "" }), now)).toEqual({
      kind: "form.errors.kind",
      start: "form.errors.startRequired",
      end: "form.errors.endRequired",
    });
    expect(validateSchedule(form({ start: "2026-11-29T08:00", end: "2026-11-29T10:00" }), now).start).toBe("form.errors.startPast");
    expect(validateSchedule(form({ end: "2026-12-01T09:00" }), now).end).toBe("form.errors.endOrder");
    expect(validateSchedule(form({ end: "2026-12-01T18:01" }), now).end).toBe("form.errors.endOrder");
    expect(validateSchedule(form({ end: "2026-12-01T18:00" }), now).end).toBeUndefined();
    expect(validateSchedule(form({ occurrences: "61" }), now).occurrences).toBe("form.errors.occurrences");
    expect(validateSchedule(form({ occurrences: "1.5" }), now).occurrences).toBe("form.errors.occurrences");
  });
});

describe("attendee responses", () => {
  it("lists who has not accepted, never the organiser", () => {
    const r = (personId: string, response: string) => ({ personId, response, respondedAt: null, secrecyAcknowledged: false });
    expect(notAccepted([r("a", "Accepted"), r("b", "None"), r("c", "Organizer"), r("d", "TentativelyAccepted"), r("e", "Declined")]).map((x) => x.personId)).toEqual([
      "b",
      "d",
      "e",
    ]);
  });
});

describe("minutes", () => {
  const draft = { decision: "Suivi renforcé", consensus: "yes" as const, nextReview: "2027-01-15", actions: [{ description: "Rencontre", ownerOrganisationId: "o1", dueDate: "2026-12-20" }] };

  it("builds the API's input with the review at 09:00 Brussels time", () => {
    expect(validateMinutes(draft, "2026-11-29")).toEqual({});
    expect(toMinutesInput(draft)).toEqual({
      decision: "Suivi renforcé",
      consensus: true,
      nextReviewAt: "2027-01-15T08:00:00.000Z",
      actions: [{ description: "Rencontre", ownerOrganisationId: "o1", dueDate: "2026-12-20" }],
    });
    expect(toMinutesInput({ ...draft, consensus: "", decision: " ", nextReview: "" })).toMatchObject({ consensus: null, decision: null, nextReviewAt: null });
  });

  it("refuses an incomplete action, a past review and a long decision", () => {
    expect(validateMinutes({ ...draft, actions: [{ description: "x", ownerOrganisationId: "", dueDate: "2026-12-20" }] }, "2026-11-29").actions).toBe(
      "minutes.errors.actionIncomplete",
    );
    expect(validateMinutes({ ...draft, nextReview: "2026-11-29" }, "2026-11-29").nextReview).toBe("minutes.errors.nextReviewPast");
    expect(validateMinutes({ ...draft, decision: "x".repeat(4001) }, "2026-11-29").decision).toBe("minutes.errors.decisionTooLong");
  });
});

describe("missing routes", () => {
  it("tells a route this API does not have from a refusal the API wrote", () => {
    expect(isMissingRoute(new ApiError(404, "Not Found"))).toBe(true);
    expect(isMissingRoute(new ApiError(405, "Method Not Allowed"))).toBe(true);
    expect(isMissingRoute(new ApiError(404, "Point introuvable."))).toBe(false);
    expect(isMissingRoute(new ApiError(403, "Réservé à la coordination."))).toBe(false);
    expect(isMissingRoute(new Error("network"))).toBe(false);
  });
});

describe("attendance", () => {
  it("offers the attendees the App allows, and whoever is already recorded present", () => {
    expect(attendanceChoices(["a", "b", "c", "d"], ["c", "a"])).toEqual(["a", "c"]);
    expect(attendanceChoices(["a", "b", "c"], ["a"], ["b"])).toEqual(["a", "b"]);
    expect(attendanceChoices(["a", "b"], null)).toEqual(["a", "b"]);
    expect(attendanceChoices(["a", "b"], [])).toEqual([]);
  });

  it("names each refused entry by the person at its position", () => {
    expect(refusedEntries(["a", "b", "c"], { "present[2]": ["no access"], "present[0]": ["not invited"], other: ["x"] })).toEqual([
      { id: "a", reason: "not invited" },
      { id: "c", reason: "no access" },
    ]);
    expect(refusedEntries(["a"], { "present[5]": ["?"] })).toEqual([]);
    expect(refusedEntries(["a"], undefined)).toEqual([]);
  });
});
