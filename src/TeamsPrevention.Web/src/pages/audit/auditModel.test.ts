import { describe, expect, it } from "vitest";
import { accessReportPath, anomaliesPath, auditPath, emptyFilters } from "./auditModel";

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
});
