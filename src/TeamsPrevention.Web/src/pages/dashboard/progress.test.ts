import { describe, expect, it } from "vitest";
import type { AlertCounts, FollowedAlert } from "../../api/alerts";
import type { MeetingSummary } from "../../api/meetings";
import { answeredShare, liveAlerts, nextMeetings } from "./progress";

const counts = (answered: number, recipients: number): AlertCounts => ({
  queued: 0, sent: recipients, failed: 0, cancelled: 0, recipients, answered, escalated: 0, waiting: recipients - answered,
});
const alert = (reference: string, createdAt: string, c: AlertCounts, withdrawnAt: string | null = null): FollowedAlert => ({
  id: reference, reference, severity: "Info", category: "Information", situationCode: null, createdAt, deadline: createdAt, withdrawnAt, counts: c,
});
const meeting = (id: string, startAt: string, status: MeetingSummary["status"] = "Scheduled"): MeetingSummary => ({
  id, kind: "Platform", status, startAt, endAt: new Date(new Date(startAt).getTime() + 3_600_000).toISOString(), joinUrl: null,
});

describe("answeredShare", () => {
  it("is the answered share of recipients, 0 with none", () => {
    expect(answeredShare(counts(3, 4))).toBe(0.75);
    expect(answeredShare(counts(0, 0))).toBe(0);
  });
});

describe("liveAlerts", () => {
  it("lists alerts still being answered first, newest first, and keeps at most max", () => {
    const list = [
      alert("A-1", "2026-11-01T09:00:00Z", counts(2, 2)),
      alert("A-2", "2026-11-02T09:00:00Z", counts(1, 3)),
      alert("A-3", "2026-11-03T09:00:00Z", counts(0, 3), "2026-11-03T10:00:00Z"),
      alert("A-4", "2026-11-04T09:00:00Z", counts(0, 3)),
    ];
    expect(liveAlerts(list, 3).map((a) => a.reference)).toEqual(["A-4", "A-2", "A-3"]);
  });
});

describe("nextMeetings", () => {
  it("keeps scheduled meetings not yet over, soonest first", () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const list = [
      meeting("later", "2026-11-20T09:00:00Z"),
      meeting("past", "2026-11-01T09:00:00Z"),
      meeting("cancelled", "2026-11-12T09:00:00Z", "Cancelled"),
      meeting("running", "2026-11-10T11:30:00Z"),
    ];
    expect(nextMeetings(list, now, 5).map((m) => m.id)).toEqual(["running", "later"]);
  });
});
