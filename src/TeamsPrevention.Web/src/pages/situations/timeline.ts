import type { SituationDetail } from "../../api/situations";

/** One line of a situation's history, derived from what the API returns (no text about a person). */
export interface TimelineEvent {
  /** When; null when the API keeps no date for it (a decline). */
  at: string | null;
  kind: "signalled" | "indicator" | "review" | "afterCare" | "declined" | "closed";
  /** A label key's argument: the indicator's label, the review's notes, the service referred to, the closure reason. */
  detail?: string | null;
}

/** The situation's history, oldest first. */
export function timeline(d: SituationDetail): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: d.summary.createdAt, kind: "signalled", detail: d.signalText }];
  for (const i of d.indicators ?? []) {
    events.push({ at: i.recordedAt, kind: "indicator", detail: `${i.label} — ${i.evidence}` });
  }
  for (const r of d.reviews ?? []) {
    events.push({ at: r.heldAt, kind: r.kind === "AfterCare" ? "afterCare" : "review", detail: r.notes });
  }
  if (d.summary.status === "Declined") {
    events.push({ at: null, kind: "declined", detail: d.referredTo });
  }
  if (d.closedAt && d.summary.status === "Closed") {
    events.push({ at: d.closedAt, kind: "closed", detail: d.closureReason });
  }
  const time = (e: TimelineEvent) => (e.at ? new Date(e.at).getTime() : Number.MAX_SAFE_INTEGER);
  return events.sort((a, b) => time(a) - time(b));
}
