import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("format", () => {
  it("shows Brussels time on both sides of the daylight-saving change", () => {
    // Brussels goes back from CEST to CET at 01:00 UTC: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
    expect(formatDateTime("2026-10-25T00:30:00Z", "fr")).toBe("25/10/2026 02:30");
    expect(formatDateTime("2026-10-25T01:30:00Z", "fr")).toBe("25/10/2026 02:30");
    expect(formatDateTime("2026-12-01T09:00:00Z", "fr")).toBe("01/12/2026 10:00");
  });

  it("writes a dash for a missing value", () => {
    expect(formatDateTime(null, "fr")).toBe("—");
  });
});
