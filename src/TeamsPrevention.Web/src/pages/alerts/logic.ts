import type { Role } from "../../api/directory";
import {
  maxMessageLength,
  maxSituationCodeLength,
  type AlertCategory,
  type AlertCounts,
  type AlertSeverity,
  type AlertTracking,
  type CreateAlertRequest,
  type DeadlinePreview,
  type ReceivedAlert,
} from "./types";

/** Who the sender chose: people, organisations, roles and, with a situation code, its need-to-know list. */
export interface RecipientSelection {
  people: string[];
  organisations: string[];
  roles: Role[];
  needToKnow: boolean;
}

export const emptySelection: RecipientSelection = { people: [], organisations: [], roles: [], needToKnow: false };

export type RecipientKind = "people" | "organisations" | "roles";

export type SelectionAction =
  | { type: "set"; kind: RecipientKind; values: string[] }
  | { type: "add"; kind: RecipientKind; value: string }
  | { type: "remove"; kind: RecipientKind; value: string }
  | { type: "needToKnow"; value: boolean }
  | { type: "clear" };

/** The picker's state changes (kept apart from the components so they are tested on their own). */
export function selectionReducer(state: RecipientSelection, action: SelectionAction): RecipientSelection {
  switch (action.type) {
    case "set":
      return { ...state, [action.kind]: [...new Set(action.values)] };
    case "add":
      return (state[action.kind] as string[]).includes(action.value) ? state : { ...state, [action.kind]: [...state[action.kind], action.value] };
    case "remove":
      return { ...state, [action.kind]: (state[action.kind] as string[]).filter((v) => v !== action.value) };
    case "needToKnow":
      return { ...state, needToKnow: action.value };
    case "clear":
      return emptySelection;
  }
}

/** How many choices (not people: an organisation or a role may stand for several). */
export function choiceCount(selection: RecipientSelection): number {
  return selection.people.length + selection.organisations.length + selection.roles.length + (selection.needToKnow ? 1 : 0);
}

export interface ComposeForm {
  severity: AlertSeverity | "";
  category: AlertCategory | "";
  situationCode: string;
  message: string;
  selection: RecipientSelection;
}

/** Keys of the `alerts` namespace (`compose.errors.*`), by field. */
export type ComposeErrors = Partial<Record<"severity" | "category" | "situationCode" | "message" | "recipients", string>>;

/** The same rules the API applies (`AlertService.CreateAsync`), checked before sending so the person is told at once. */
export function validateCompose(form: ComposeForm): ComposeErrors {
  const errors: ComposeErrors = {};
  if (!form.severity) {
    errors.severity = "compose.errors.severity";
  }
  if (!form.category) {
    errors.category = "compose.errors.category";
  }
  const message = form.message.trim();
  if (!message) {
    errors.message = "compose.errors.messageRequired";
  } else if (form.message.length > maxMessageLength) {
    errors.message = "compose.errors.messageTooLong";
  }
  if (form.situationCode.trim().length > maxSituationCodeLength) {
    errors.situationCode = "compose.errors.situationCodeTooLong";
  }
  if (form.selection.needToKnow && !form.situationCode.trim()) {
    errors.situationCode = "compose.errors.needToKnowWithoutCode";
  }
  if (choiceCount(form.selection) === 0) {
    errors.recipients = "compose.errors.recipients";
  }
  return errors;
}

export function toRequest(form: ComposeForm): CreateAlertRequest {
  const code = form.situationCode.trim();
  return {
    severity: form.severity as AlertSeverity,
    category: form.category as AlertCategory,
    message: form.message.trim(),
    situationCode: code || null,
    people: form.selection.people,
    organisations: form.selection.organisations,
    roles: form.selection.roles,
    needToKnow: form.selection.needToKnow && !!code,
  };
}

/** Answer and delivery progress, in percent (0 when there is nothing to count). */
export interface Progress {
  answered: number;
  recipients: number;
  answeredRatio: number;
  cards: number;
  delivered: number;
  deliveredRatio: number;
  failed: number;
  done: boolean;
}

export function progressOf(counts: AlertCounts): Progress {
  const cards = counts.queued + counts.sent + counts.failed + counts.cancelled;
  const delivered = counts.sent;
  return {
    answered: counts.answered,
    recipients: counts.recipients,
    answeredRatio: counts.recipients === 0 ? 0 : counts.answered / counts.recipients,
    cards,
    delivered,
    deliveredRatio: cards === 0 ? 0 : delivered / cards,
    failed: counts.failed,
    done: counts.recipients > 0 && counts.waiting === 0 && counts.queued === 0,
  };
}

/** The alert page keeps polling while something can still change: not withdrawn, and cards queued or answers awaited. */
export function stillMoving(alert: AlertTracking | undefined): boolean {
  if (!alert) {
    return true;
  }
  return !alert.withdrawnAt && (alert.counts.waiting > 0 || alert.counts.queued > 0);
}

/** Where the deadline stands: passed, or within the hour (the page shows it as a warning). */
export type DeadlineState = "passed" | "soon" | "later";

export function deadlineState(deadline: string, now: Date = new Date()): DeadlineState {
  const left = new Date(deadline).getTime() - now.getTime();
  if (left <= 0) {
    return "passed";
  }
  return left <= 60 * 60 * 1000 ? "soon" : "later";
}

/** The received alerts already dealt with (answered, or withdrawn), newest first as the API gives them. */
export function answeredReceived(list: ReceivedAlert[]): ReceivedAlert[] {
  return list.filter((a) => a.state !== "Pending");
}

/** Who answered a received alert, as the list shows it: me, a named colleague, or only an organisation. */
export type AnswererLabel = { kind: "me" } | { kind: "named"; name: string } | { kind: "organisation"; name: string } | { kind: "none" };

export function answererOf(alert: ReceivedAlert): AnswererLabel {
  if (alert.answeredByMe) {
    return { kind: "me" };
  }
  if (alert.answeredBy) {
    return { kind: "named", name: alert.answeredBy };
  }
  return alert.answeredByOrganisation ? { kind: "organisation", name: alert.answeredByOrganisation } : { kind: "none" };
}

/**
 * The deadline preview to show for the chosen severity: only one that answers for that very severity (a slower
 * answer for the previous choice is ignored), and nothing before a severity is chosen.
 */
export function previewFor(severity: AlertSeverity | "", preview: DeadlinePreview | undefined): string | undefined {
  return severity !== "" && preview?.severity === severity ? preview.dueAt : undefined;
}
