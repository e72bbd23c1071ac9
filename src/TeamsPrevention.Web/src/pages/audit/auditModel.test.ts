import { describe, expect, it } from "vitest";
import { accessReportPath, anomaliesPath, auditPath, checkpointSummary, emptyFilters, nameIndex, purposeText, subjectAccessPath } from "./auditModel";
import { exactPurposes } from "./purposeCatalogue";
import fr from "../../locales/fr/audit.json";
import nl from "../../locales/nl/audit.json";
import de from "../../locales/de/audit.json";
import en from "../../locales/en/audit.json";

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

describe("names, purposes and the subject-access export", () => {
  it("asks for names only when told", () => {
    expect(auditPath(emptyFilters, null, 50, true)).toBe("/api/audit?pageSize=50&names=true");
    expect(accessReportPath("k7m-4qx", true)).toBe("/api/audit/access-report?situation=K7M-4QX&names=true");
  });

  it("finds a named actor by object id and a Person target by directory id, whatever the case", () => {
    const people = [{ objectId: "A1B2C3D4-0003-4000-8000-000000000003", personId: "11111111-2222-4333-8444-555555555555", displayName: "Sophie Martin", organisationId: "o", organisationName: "Ville" }];
    const names = nameIndex(people);
    expect(names.actor("a1b2c3d4-0003-4000-8000-000000000003")?.displayName).toBe("Sophie Martin");
    expect(names.record("11111111-2222-4333-8444-555555555555")?.displayName).toBe("Sophie Martin");
    expect(names.actor("system")).toBeUndefined();
    expect(names.record(null)).toBeUndefined();
  });

  it("reads stored purposes as text keys, with their values, and leaves unknown ones alone", () => {
    expect(purposeText("audit log review")).toEqual({ key: "auditLogReview", values: {} });
    expect(purposeText("alert answered: Acknowledged")).toEqual({ key: "alertAnswered", values: { answer: "Acknowledged" } });
    expect(purposeText("read refused (404)")).toEqual({ key: "refused", values: { what: "read", status: "404" } });
    expect(purposeText("retention expired (Declined)")).toEqual({ key: "retentionExpired", values: { category: "Declined" } });
    expect(purposeText("something new")).toBeNull();
    expect(purposeText(null)).toBeNull();
  });

  it("has a text in every language for every purpose it knows", () => {
    for (const key of new Set(Object.values(exactPurposes))) {
      for (const texts of [fr, nl, de, en]) expect((texts.purposes as Record<string, string>)[key], key).toBeTruthy();
    }
  });

  it("puts ids and codes only in the export's address", () => {
    expect(subjectAccessPath("person", "11111111-2222-4333-8444-555555555555")).toBe("/api/subject-access/people/11111111-2222-4333-8444-555555555555");
    expect(subjectAccessPath("person", "Sophie Martin")).toBeNull();
    expect(subjectAccessPath("situation", " k7m-4qx ")).toBe("/api/subject-access/situations/K7M-4QX");
    expect(subjectAccessPath("situation", "Zébulon Testfictif")).toBeNull();
  });
});
