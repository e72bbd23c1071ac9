import { api } from "../../api/client";

export const auditActions = ["View", "Change", "Export", "Share", "Acknowledge", "Denied", "BreakGlass", "Reveal", "Purge", "System", "Grant"] as const;
export const auditOutcomes = ["Success", "Denied", "Failed"] as const;

export interface AuditEntry {
  sequence: number;
  occurredAt: string;
  actor: string;
  actorRole: string | null;
  action: string;
  situationCode: string | null;
  targetType: string | null;
  targetId: string | null;
  purpose: string | null;
  outcome: string;
}

export interface AuditPage {
  pageSize: number;
  total: number;
  nextBefore: number | null;
  entries: AuditEntry[];
}

export type AuditCheckpointStatus = "Matched" | "Mismatched" | "Truncated" | "Invalid";

/** The latest checkpoint written outside the database, and how the log compares with it (fields null when its line is unreadable). */
export interface AuditCheckpointCheck {
  sequence: number | null;
  hash: string | null;
  writtenAt: string | null;
  keyId: string | null;
  status: AuditCheckpointStatus;
}

export interface AuditVerification {
  isIntact: boolean;
  entriesChecked: number;
  lastSequence: number;
  firstBreakSequence: number | null;
  firstBreakKind: string | null;
  verifiedAt: string;
  /** The first entry sealed with a chain key; earlier ones predate the key. */
  keyedFromSequence: number | null;
  checkpoint: AuditCheckpointCheck | null;
}

export interface AuditCheckpoint {
  sequence: number;
  hash: string;
  writtenAt: string;
  keyId: string;
  signature: string;
}

export interface AuditCheckpointWrite {
  outcome: "Written" | "Unchanged" | "Empty" | "Refused";
  checkpoint: AuditCheckpoint | null;
  breakSequence: number | null;
  breakKind: string | null;
}

/** What the page says about the latest checkpoint: a text key of the `verification.checkpoint` group and its intent. */
export function checkpointSummary(check: AuditCheckpointCheck | null): { key: "none" | "unreadable" | "summary"; intent: "info" | "success" | "error" } {
  if (!check) return { key: "none", intent: "info" };
  if (check.sequence === null) return { key: "unreadable", intent: "error" };
  return { key: "summary", intent: check.status === "Matched" ? "success" : "error" };
}

export interface AccessReportLine {
  actor: string;
  actorOrganisationId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  situationCode: string | null;
  targetType: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface AccessReport {
  subject: "situation" | "person";
  value: string;
  totalEntries: number;
  lines: AccessReportLine[];
  entries: AuditEntry[];
  truncated: boolean;
  generatedAt: string;
}

export interface AuditAnomaly {
  rule: string;
  actor: string;
  count: number;
  threshold: number;
  from: string;
  to: string;
  firstSequence: number;
  lastSequence: number;
}

export interface AuditAnomalies {
  from: string;
  to: string;
  flags: AuditAnomaly[];
}

export interface AuditFilters {
  actor: string;
  situation: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

export const emptyFilters: AuditFilters = { actor: "", situation: "", action: "", outcome: "", from: "", to: "" };

/** A date input (`2026-03-04`) as the start of that day in Brussels is left to the App: dates go as they are. */
export function auditPath(filters: AuditFilters, before?: number | null, pageSize = 50): string {
  const query = new URLSearchParams();
  for (const key of ["actor", "situation", "action", "outcome", "from", "to"] as const) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  if (before) query.set("before", String(before));
  query.set("pageSize", String(pageSize));
  return `/api/audit?${query.toString()}`;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An access report is for a situation code or a person's object id: the subject is told from its shape. */
export function accessReportPath(subject: string): string | null {
  const value = subject.trim();
  if (!value) return null;
  return guid.test(value) ? `/api/audit/access-report?person=${encodeURIComponent(value.toLowerCase())}` : `/api/audit/access-report?situation=${encodeURIComponent(value.toUpperCase())}`;
}

export function anomaliesPath(from: string, to: string): string {
  const query = new URLSearchParams();
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const text = query.toString();
  return text ? `/api/audit/anomalies?${text}` : "/api/audit/anomalies";
}

export const searchAudit = (filters: AuditFilters, before?: number | null, signal?: AbortSignal) => api.get<AuditPage>(auditPath(filters, before), { signal });
export const verifyAudit = () => api.get<AuditVerification>("/api/audit/verification");
export const writeCheckpoint = () => api.post<AuditCheckpointWrite>("/api/audit/checkpoints");
export const getAccessReport = (path: string) => api.get<AccessReport>(path);
export const getAnomalies = (from: string, to: string, signal?: AbortSignal) => api.get<AuditAnomalies>(anomaliesPath(from, to), { signal });
