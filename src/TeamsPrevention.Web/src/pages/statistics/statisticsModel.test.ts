import { describe, expect, it } from "vitest";
import { bars, monthLabel, rowLabel, statisticsPath, type StatisticsTable } from "./statisticsModel";

const hidden = { count: null, suppressed: true };
const table: StatisticsTable = {
  columns: ["signals"],
  rows: [
    { key: "2026-03", cells: [{ count: 8, suppressed: false }], total: null, labels: null },
    { key: "2026-04", cells: [hidden], total: null, labels: null },
    { key: "2026-05", cells: [{ count: 6, suppressed: false }], total: null, labels: null },
  ],
  totals: null,
};

describe("statistics model", () => {
  it("sizes bars on the largest visible count and never draws a suppressed one", () => {
    expect(bars(table, 0)).toEqual([
      { key: "2026-03", count: 8, suppressed: false, percent: 100 },
      { key: "2026-04", count: null, suppressed: true, percent: 0 },
      { key: "2026-05", count: 6, suppressed: false, percent: 75 },
    ]);
  });

  it("asks for whole months and leaves the defaults to the App", () => {
    expect(statisticsPath("2026-01", "2026-06")).toBe("/api/statistics?from=2026-01-01&to=2026-06-01");
    expect(statisticsPath("", "")).toBe("/api/statistics");
  });

  it("names months and indicators in the reader's language", () => {
    expect(monthLabel("2026-03", "fr-BE")).toBe("mars 2026");
    expect(monthLabel("2026-03", "nl-BE")).toBe("maart 2026");
    expect(rowLabel({ key: "threats", cells: [], total: null, labels: { fr: "Menaces", nl: "Bedreigingen" } }, "nl")).toBe("Bedreigingen");
    expect(rowLabel({ key: "threats", cells: [], total: null, labels: { fr: "Menaces" } }, "de")).toBe("Menaces");
  });
});
