import { describe, expect, it } from "vitest";
import { chartData, monthShort, rowTotals, tickStep } from "./chartModel";
import type { StatisticsTable } from "./statisticsModel";

const hidden = { count: null, suppressed: true };
const shown = (count: number) => ({ count, suppressed: false });
const table: StatisticsTable = {
  columns: ["signals", "inclusions"],
  rows: [
    { key: "2026-03", cells: [shown(18), hidden], total: null, labels: null },
    { key: "2026-04", cells: [hidden, hidden], total: null, labels: null },
    { key: "2026-05", cells: [shown(6), shown(5)], total: null, labels: null },
  ],
  totals: null,
};

describe("chart data", () => {
  it("gives a suppressed cell no bar and no count, and keeps its place on the axis", () => {
    const data = chartData(table);
    expect(data.groups.map((g) => g.key)).toEqual(["2026-03", "2026-04", "2026-05"]);
    expect(data.groups[1].bars).toEqual([
      { series: "signals", count: null, suppressed: true, share: 0 },
      { series: "inclusions", count: null, suppressed: true, share: 0 },
    ]);
    expect(data.anySuppressed).toBe(true);
  });

  it("scales bars on a round axis above the largest visible count", () => {
    const data = chartData(table);
    expect(data.top).toBe(20);
    expect(data.ticks).toEqual([0, 5, 10, 15, 20]);
    expect(data.groups[0].bars[0]).toEqual({ series: "signals", count: 18, suppressed: false, share: 0.9 });
    expect(data.groups[2].bars[1].share).toBe(0.25);
  });

  it("draws only the columns asked for, and says when nothing is suppressed", () => {
    const data = chartData(table, [0]);
    expect(data.series).toEqual(["signals"]);
    expect(data.groups[2].bars).toEqual([{ series: "signals", count: 6, suppressed: false, share: 0.3 }]);
    expect(chartData({ ...table, rows: [table.rows[2]] }).anySuppressed).toBe(false);
  });

  it("picks round tick steps", () => {
    expect(tickStep(0)).toBe(1);
    expect(tickStep(18)).toBe(5);
    expect(tickStep(7)).toBe(2);
    expect(tickStep(130)).toBe(50);
  });
});

describe("row totals", () => {
  it("charts a two-way table by its row totals, a missing total as suppressed", () => {
    const twoWay: StatisticsTable = {
      columns: ["Signalled", "Closed"],
      rows: [
        { key: "School", cells: [shown(5), shown(7)], total: shown(12), labels: null },
        { key: "Police", cells: [hidden, hidden], total: hidden, labels: null },
        { key: "Other", cells: [hidden, hidden], total: null, labels: null },
      ],
      totals: null,
    };
    expect(chartData(rowTotals(twoWay)).groups.map((g) => [g.key, g.bars[0].count, g.bars[0].suppressed])).toEqual([
      ["School", 12, false], ["Police", null, true], ["Other", null, true],
    ]);
  });

  it("names a month short under the axis", () => {
    expect(monthShort("2026-03", "fr-BE")).toBe("mars 26");
    expect(monthShort("total", "fr-BE")).toBe("total");
  });
});
