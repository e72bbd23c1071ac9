import { describe, expect, it } from "vitest";
import type { SituationSummary } from "../../api/situations";
import { byUrgency, identityShown, mayReport, pageOf, stepsOpen } from "./rules";

const summary = (code: string, over: Partial<SituationSummary> = {}): SituationSummary => ({
  code,
  status: "Included",
  access: "content",
  createdAt: "2026-11-01T09:00:00Z",
  nextReviewAt: null,
  reviewOverdue: false,
  nextAfterCareAt: null,
  afterCareOverdue: false,
  channel: "None",
  ...over,
});

describe("stepsOpen", () => {
  it("offers the Chair inclusion and decline while screening, and closure once included", () => {
    expect(stepsOpen(["Chair"], "Screening", "content").sort()).toEqual(["decline", "editNeedToKnow", "include", "revealIdentity"]);
    expect(stepsOpen(["Chair"], "Included", "content").sort()).toEqual(["close", "editNeedToKnow", "requestChannel", "revealIdentity"]);
  });

  it("offers the referent the screening of a new signal but never the Chair's decisions", () => {
    const steps = stepsOpen(["Referent"], "Signalled", "content");
    expect(steps).toContain("startScreening");
    expect(steps).not.toContain("include");
    expect(steps).not.toContain("decline");
  });

  it("offers a partner only action updates and the identity reveal", () => {
    expect(stepsOpen(["Partner"], "Included", "content").sort()).toEqual(["revealIdentity", "updateAction"]);
  });

  it("lets only the referent complete or change the identity, in every state", () => {
    expect(stepsOpen(["Referent"], "Signalled", "content")).toContain("editIdentity");
    expect(stepsOpen(["Referent"], "Closed", "content")).toContain("editIdentity");
    expect(stepsOpen(["Referent"], "Included", "metadata")).not.toContain("editIdentity");
    expect(stepsOpen(["Chair"], "Included", "content")).not.toContain("editIdentity");
    expect(stepsOpen(["Coordinator", "Partner"], "Included", "content")).not.toContain("editIdentity");
  });

  it("offers metadata-only roles nothing", () => {
    expect(stepsOpen(["Admin"], "Included", "metadata")).toEqual([]);
    expect(stepsOpen(["Dpo"], "Signalled", "metadata")).toEqual([]);
  });

  it("offers break-glass only to cell members without content access", () => {
    expect(stepsOpen(["Coordinator"], "Included", "metadata")).toEqual(["breakGlass"]);
    expect(stepsOpen(["Coordinator"], "Included", "content")).not.toContain("breakGlass");
    expect(stepsOpen(["Partner"], "Included", "metadata")).toEqual([]);
  });

  it("lets reporters report and not the DPO", () => {
    expect(mayReport(["Partner"])).toBe(true);
    expect(mayReport(["Dpo"])).toBe(false);
    expect(mayReport(["Secretary"])).toBe(false);
  });
});

describe("byUrgency", () => {
  it("puts overdue situations first, then the nearest review, then by code", () => {
    const list = [
      summary("C", { nextReviewAt: "2026-12-20T00:00:00Z" }),
      summary("B"),
      summary("A", { nextReviewAt: "2026-12-10T00:00:00Z" }),
      summary("D", { nextReviewAt: "2026-11-01T00:00:00Z", reviewOverdue: true }),
      summary("E", { status: "Closed", nextAfterCareAt: "2026-10-01T00:00:00Z", afterCareOverdue: true }),
    ];
    expect([...list].sort(byUrgency).map((s) => s.code)).toEqual(["E", "D", "A", "C", "B"]);
  });
});

describe("pageOf", () => {
  it("cuts a long list into pages and keeps the page in range", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(pageOf(items, 0, 20)).toMatchObject({ page: 0, pages: 50 });
    expect(pageOf(items, 0, 20).rows).toHaveLength(20);
    expect(pageOf(items, 99, 20).page).toBe(49);
    expect(pageOf(items, 49, 20).rows[19]).toBe(999);
    expect(pageOf([], 3, 20)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});

describe("identityShown", () => {
  const fields = [
    { key: "firstName", present: true, value: "••••••" },
    { key: "health", present: false, value: null },
  ];

  it("keeps what the API sent (masked) until values are revealed", () => {
    expect(identityShown(fields, null).map((f) => [f.value, f.revealed])).toEqual([["••••••", false], [null, false]]);
  });

  it("shows the revealed values only for the revealed keys", () => {
    const shown = identityShown(fields, { firstName: "Fictif" });
    expect(shown[0]).toMatchObject({ value: "Fictif", revealed: true });
    expect(shown[1]).toMatchObject({ value: null, revealed: false });
  });
});
