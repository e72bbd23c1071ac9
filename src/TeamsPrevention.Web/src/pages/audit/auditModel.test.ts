import { describe, expect, it } from "vitest";
import { accessReportPath, anomaliesPath, auditPath, checkpointSummary, emptyFilters } from "./auditModel";

describe("audit model", () => {
  it("sends only the filters given, and pages by sequence", () => {
    expect(auditPath(emptyFilters)).toBe("/api/audit?pageSize=50");
    expect(auditPath({ ...emptyFilters, situation: " K7M-4QX ", action: "Reveal", outcome: "Denied" }, 120)).toBe(
      "/api/audit?situation=K7M-4QX&action=Reveal&outcome=Denied&before=120&pageSize=50",
    );
  });

  it("tells a situation code from a person's object id", () => {
    expect(accessReportPath("k7m-4qx")).toBe("/api/audit/access-report?situation=K7M-4QX");
    expect(accessReportPath("A1B2C3D4-0003-4000-8000-000000000003")).toBe("/api/audit/access-report?person=a1b2c3d4-0003-4000-8000-000000000003");
    expect(accessReportPath("  ")).toBeNull();
  });

  it("leaves the anomaly period to the App when none is given", () => {
    expect(anomaliesPath("", "")).toBe("/api/audit/anomalies");
    expect(anomaliesPath("2026-03-01", "2026-03-10")).toBe("/api/audit/anomalies?from=2026-03-01&to=2026-03-10");
  });

  it("says whether the latest checkpoint matched, was broken, is unreadable or was never written", () => {
    const check = { sequence: 41, hash: "ab", writtenAt: "2026-03-02T09:05:00Z", keyId: "2026a" };
    expect(checkpointSummary(null)).toEqual({ key: "none", intent: "info" });
    expect(checkpointSummary({ ...check, status: "Matched" })).toEqual({ key: "summary", intent: "success" });
    expect(checkpointSummary({ ...check, status: "Truncated" })).toEqual({ key: "summary", intent: "error" });
    expect(checkpointSummary({ sequence: null, hash: null, writtenAt: null, keyId: null, status: "Invalid" })).toEqual({ key: "unreadable", intent: "error" });
  });
});
