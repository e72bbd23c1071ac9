import type { Role } from "../../api/directory";
import type { SituationStatus, SituationSummary } from "../../api/situations";

/**
 * What the page offers, mirroring SituationRules.cs (the API decides again on every call: this only hides what it
 * would refuse). A step needs one of its roles, the right state, and content access (on the list, or the Chair).
 */
export type Step =
  | "startScreening"
  | "include"
  | "decline"
  | "planAction"
  | "updateAction"
  | "review"
  | "close"
  | "requestChannel"
  | "editNeedToKnow"
  | "revealIdentity"
  | "editIdentity"
  | "breakGlass";

const cellWorkers: Role[] = ["Coordinator", "Referent", "PoliceReferent", "Secretary"];

const roles: Record<Step, Role[]> = {
  startScreening: ["Referent"],
  include: ["Chair"],
  decline: ["Chair"],
  close: ["Chair"],
  planAction: ["Referent", "Coordinator"],
  updateAction: ["Referent", "Coordinator", "Partner"],
  review: ["Referent"],
  editNeedToKnow: ["Referent", "Chair"],
  revealIdentity: ["Chair", ...cellWorkers, "Partner"],
  editIdentity: ["Referent"],
  requestChannel: ["Referent", "Chair"],
  breakGlass: cellWorkers,
};

const allStates: SituationStatus[] = ["Signalled", "Screening", "Included", "Declined", "Closed"];

const states: Record<Step, SituationStatus[]> = {
  startScreening: ["Signalled"],
  include: ["Screening"],
  decline: ["Signalled", "Screening"],
  planAction: ["Included"],
  updateAction: ["Included"],
  close: ["Included"],
  requestChannel: ["Included"],
  review: ["Included", "Closed"],
  editNeedToKnow: allStates,
  revealIdentity: allStates,
  editIdentity: allStates,
  breakGlass: allStates,
};

/** Those who may report a signal (any cell member who works on cases, and partners). */
export const reporters: Role[] = ["Chair", "Coordinator", "Referent", "PoliceReferent", "Partner"];

export function mayReport(myRoles: Role[]): boolean {
  return myRoles.some((r) => reporters.includes(r));
}

/** The steps open to someone with `myRoles` on a situation in `status` they have `access` to. */
export function stepsOpen(myRoles: Role[], status: SituationStatus, access: SituationSummary["access"]): Step[] {
  const metadataOnly = myRoles.length > 0 && myRoles.every((r) => r === "Admin" || r === "Dpo");
  if (metadataOnly) {
    return [];
  }
  return (Object.keys(roles) as Step[]).filter((step) => {
    if (!roles[step].some((r) => myRoles.includes(r)) || !states[step].includes(status)) {
      return false;
    }
    // Break-glass is how one gets content access; every other step needs it.
    return step === "breakGlass" ? access !== "content" : access === "content";
  });
}

/** The situations needing attention first (overdue review or after-care), then by next date, then by code. */
export function byUrgency(a: SituationSummary, b: SituationSummary): number {
  const overdue = (s: SituationSummary) => (s.reviewOverdue || s.afterCareOverdue ? 0 : 1);
  const next = (s: SituationSummary) => {
    const d = s.nextReviewAt ?? s.nextAfterCareAt;
    return d ? new Date(d).getTime() : Number.MAX_SAFE_INTEGER;
  };
  return overdue(a) - overdue(b) || next(a) - next(b) || a.code.localeCompare(b.code);
}

export function isOverdue(s: SituationSummary): boolean {
  return s.reviewOverdue || s.afterCareOverdue;
}

/** The date that matters next for a situation: its review while included, its after-care review once closed. */
export function nextDate(s: SituationSummary): string | null {
  return s.nextReviewAt ?? s.nextAfterCareAt;
}

/** One page of a long list (1,000 situations render as pages, not as one huge table). */
export function pageOf<T>(items: T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { rows: items.slice(current * size, current * size + size), page: current, pages };
}

/** A masked identity: what the API sent (masked) unless this page holds revealed values for it. */
export function identityShown(
  fields: { key: string; present: boolean; value: string | null }[],
  revealed: Record<string, string | null> | null,
): { key: string; present: boolean; value: string | null; revealed: boolean }[] {
  return fields.map((f) =>
    revealed && f.key in revealed ? { ...f, value: revealed[f.key], revealed: true } : { ...f, revealed: false },
  );
}
