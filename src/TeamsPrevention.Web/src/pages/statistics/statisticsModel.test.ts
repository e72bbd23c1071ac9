import { describe, expect, it } from "vitest";
import { monthLabel, rowLabel, statisticsPath } from "./statisticsModel";

describe("statistics model", () => {
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
