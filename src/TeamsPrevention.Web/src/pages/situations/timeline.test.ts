import { describe, expect, it } from "vitest";
import type { SituationDetail } from "../../api/situations";
import { timeline } from "./timeline";

const detail = (over: Partial<SituationDetail>): SituationDetail => ({
  summary: {
    code: "K7M-4QX",
    status: "Included",
    access: "content",
    createdAt: "2026-11-01T09:00:00Z",
    nextReviewAt: null,
    reviewOverdue: false,
    nextAfterCareAt: null,
    afterCareOverdue: false,
    channel: "None",
  },
  sourceOrganisationId: null,
  signalDate: null,
  signalText: null,
  indicators: [],
  referentId: null,
  referredTo: null,
  closedAt: null,
  closureReason: null,
  actions: [],
  reviews: [],
  needToKnow: [],
  identity: [],
  channelProblem: null,
  ...over,
});

describe("timeline", () => {
  it("orders the signal, indicators, reviews and closure by date", () => {
    const events = timeline(
      detail({
        summary: { ...detail({}).summary, status: "Closed" },
        indicators: [{ key: "threats", label: "Menaces", evidence: "vu", observedBy: "p", recordedAt: "2026-11-01T09:00:01Z" }],
        reviews: [
          { id: "2", kind: "AfterCare", heldAt: "2026-11-20T09:00:00Z", reviewedBy: "p", notes: null, nextReviewAt: null },
          { id: "1", kind: "Review", heldAt: "2026-11-05T09:00:00Z", reviewedBy: "p", notes: "ok", nextReviewAt: null },
        ],
        closedAt: "2026-11-10T09:00:00Z",
        closureReason: "fin",
      }),
    );
    expect(events.map((e) => e.kind)).toEqual(["signalled", "indicator", "review", "closed", "afterCare"]);
    expect(events[1].detail).toBe("Menaces — vu");
  });

  it("puts a decline, which has no date, last with the service referred to", () => {
    const events = timeline(detail({ summary: { ...detail({}).summary, status: "Declined" }, referredTo: "AMO" }));
    expect(events.at(-1)).toEqual({ at: null, kind: "declined", detail: "AMO" });
  });
});
