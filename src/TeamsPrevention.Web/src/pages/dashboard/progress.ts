import type { AlertCounts, FollowedAlert } from "../../api/alerts";
import type { MeetingSummary } from "../../api/meetings";

/** Answered share of an alert's recipients, 0..1 (0 when it has none yet). */
export function answeredShare(counts: AlertCounts): number {
  return counts.recipients > 0 ? Math.min(1, counts.answered / counts.recipients) : 0;
}

/** Alerts still being answered first (not withdrawn, not fully answered), newest first; at most `max`. */
export function liveAlerts(alerts: FollowedAlert[], max: number): FollowedAlert[] {
  const open = (a: FollowedAlert) => (a.withdrawnAt === null && a.counts.answered < a.counts.recipients ? 0 : 1);
  return [...alerts]
    .sort((a, b) => open(a) - open(b) || new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .slice(0, max);
}

/** The next scheduled meetings (not yet ended, not cancelled), soonest first; at most `max`. */
export function nextMeetings(meetings: MeetingSummary[], now: Date, max: number): MeetingSummary[] {
  return meetings
    .filter((m) => m.status === "Scheduled" && new Date(m.endAt) > now)
    .sort((a, b) => new Date(a.startAt).getTime() - new Date(b.startAt).getTime())
    .slice(0, max);
}
