import { describe, expect, it } from "vitest";
import { isCurrent, mayEditDirectory } from "./directoryApi";

describe("directory", () => {
  it("lets only the Admin write", () => {
    expect(mayEditDirectory({ roles: ["Admin"] })).toBe(true);
    expect(mayEditDirectory({ roles: ["Coordinator", "Chair"] })).toBe(false);
  });

  it("knows a deputyship in force from bounds", () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const d = (validFrom: string | null, validUntil: string | null) => ({ id: "1", personId: "p", deputyId: "q", validFrom, validUntil });
    expect(isCurrent(d(null, null), now)).toBe(true);
    expect(isCurrent(d("2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z"), now)).toBe(true);
    expect(isCurrent(d("2026-11-11T00:00:00Z", null), now)).toBe(false);
    expect(isCurrent(d(null, "2026-11-10T12:00:00Z"), now)).toBe(false);
  });
});
