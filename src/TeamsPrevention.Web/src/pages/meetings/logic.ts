import { ApiError } from "../../api/client";
import { timeZone } from "../../components/format";
import type { AttendeeResponseView, MeetingInput, MeetingKind, MeetingView, MinutesInput } from "./types";

/** Brussels wall-clock parts of an instant. */
function brusselsParts(instant: Date): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year, mo: +parts.month, d: +parts.day, h: +parts.hour, mi: +parts.minute };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as an `<input type="datetime-local">` value on Brussels time (`2026-12-01T10:00`). */
export function toBrusselsInput(value: string | Date): string {
  const p = brusselsParts(new Date(value));
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}

/**
 * A Brussels wall-clock time (`2026-12-01T10:00`) as a UTC instant (ISO string), whatever the browser's own zone.
 * Returns null for an empty or malformed value. A time skipped by the spring change resolves forward by the gap.
 */
export function fromBrusselsInput(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) {
    return null;
  }
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  const offsetAt = (t: number) => {
    const p = brusselsParts(new Date(t));
    return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi) - t;
  };
  let guess = wall - offsetAt(wall);
  guess = wall - offsetAt(guess);
  return new Date(guess).toISOString();
}

export interface ScheduleForm {
  kind: MeetingKind | "";
  start: string;
  end: string;
  occurrences: string;
  attendeeIds: string[];
}

export type ScheduleErrors = Partial<Record<"kind" | "start" | "end" | "occurrences", string>>;

const maxDurationMs = 8 * 60 * 60 * 1000;

/** The API's rules (`MeetingService.CheckTimes`, `CheckOccurrences`), checked before sending. Values are `meetings` keys. */
export function validateSchedule(form: ScheduleForm, now: Date = new Date()): ScheduleErrors {
  const errors: ScheduleErrors = {};
  if (!form.kind) {
    errors.kind = "form.errors.kind";
  }
  const start = fromBrusselsInput(form.start);
  const end = fromBrusselsInput(form.end);
  if (!start) {
    errors.start = "form.errors.startRequired";
  } else if (new Date(start) <= now) {
    errors.start = "form.errors.startPast";
  }
  if (!end) {
    errors.end = "form.errors.endRequired";
  } else if (start && (new Date(end) <= new Date(start) || new Date(end).getTime() - new Date(start).getTime() > maxDurationMs)) {
    errors.end = "form.errors.endOrder";
  }
  if (form.kind === "Platform" && form.occurrences.trim()) {
    const n = Number(form.occurrences);
    if (!Number.isInteger(n) || n < 1 || n > 60) {
      errors.occurrences = "form.errors.occurrences";
    }
  }
  return errors;
}

export function toMeetingInput(form: ScheduleForm): MeetingInput {
  return {
    kind: form.kind as MeetingKind,
    startAt: fromBrusselsInput(form.start)!,
    endAt: fromBrusselsInput(form.end)!,
    attendeeIds: form.attendeeIds,
    occurrences: form.kind === "Platform" && form.occurrences.trim() ? Number(form.occurrences) : null,
  };
}

export function formOf(meeting: MeetingView): ScheduleForm {
  return {
    kind: meeting.kind,
    start: toBrusselsInput(meeting.startAt),
    end: toBrusselsInput(meeting.endAt),
    occurrences: meeting.occurrences ? String(meeting.occurrences) : "",
    attendeeIds: meeting.attendeeIds,
  };
}

/** Attendees who have not accepted yet (no answer, tentative or declined); the organiser never counts. */
export function notAccepted(responses: AttendeeResponseView[]): AttendeeResponseView[] {
  return responses.filter((r) => r.response !== "Accepted" && r.response !== "Organizer");
}

export interface MinutesActionDraft {
  description: string;
  ownerOrganisationId: string;
  dueDate: string;
}

export interface MinutesDraft {
  decision: string;
  consensus: "" | "yes" | "no";
  nextReview: string;
  actions: MinutesActionDraft[];
}

export type MinutesErrors = Partial<Record<"decision" | "nextReview" | "actions", string>>;

export const maxDecisionLength = 4000;

/** Minutes' checks before sending; the API checks again (review interval, situation's state). */
export function validateMinutes(draft: MinutesDraft, today: string): MinutesErrors {
  const errors: MinutesErrors = {};
  if (draft.decision.length > maxDecisionLength) {
    errors.decision = "minutes.errors.decisionTooLong";
  }
  if (draft.nextReview && draft.nextReview <= today) {
    errors.nextReview = "minutes.errors.nextReviewPast";
  }
  if (draft.actions.some((a) => !a.description.trim() || !a.ownerOrganisationId || !a.dueDate)) {
    errors.actions = "minutes.errors.actionIncomplete";
  }
  return errors;
}

/** The next review is a date in Brussels: sent as 09:00 Brussels time that day. */
export function toMinutesInput(draft: MinutesDraft): MinutesInput {
  return {
    decision: draft.decision.trim() || null,
    consensus: draft.consensus === "" ? null : draft.consensus === "yes",
    nextReviewAt: draft.nextReview ? fromBrusselsInput(`${draft.nextReview}T09:00`) : null,
    actions: draft.actions.map((a) => ({ description: a.description.trim(), ownerOrganisationId: a.ownerOrganisationId, dueDate: a.dueDate })),
  };
}

/**
 * A route this build's API does not have yet (404/405 with only the status's generic ProblemDetails): the control
 * says "not built yet" instead of an error. A 404 the meetings API writes ("Point introuvable.") is a real refusal.
 */
export function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 404 || error.status === 405) &&
    ["Not Found", "Method Not Allowed", "Introuvable", "Requête refusée"].includes(error.title) &&
    !error.detail
  );
}

/**
 * The people the attendance form offers for an item: those the App says may be present (invited and seeing the item's
 * situation), in the meeting's order, and anyone already recorded present (so that they can be unticked); the
 * meeting's attendees when the App gives no list.
 */
export function attendanceChoices(attendeeIds: string[], mayAttend?: string[] | null, present: string[] = []): string[] {
  return mayAttend ? attendeeIds.filter((id) => mayAttend.includes(id) || present.includes(id)) : attendeeIds;
}

/** The App's refusal of attendance entries (`present[i]`), as the chosen person's id and the reason, in order. */
export function refusedEntries(chosen: string[], errors?: Record<string, string[]>): { id: string; reason: string }[] {
  return Object.entries(errors ?? {})
    .map(([key, reasons]) => ({ index: /^present\[(\d+)\]$/.exec(key)?.[1], reason: reasons[0] ?? "" }))
    .filter((e): e is { index: string; reason: string } => e.index !== undefined && chosen[Number(e.index)] !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((e) => ({ id: chosen[Number(e.index)], reason: e.reason }));
}
