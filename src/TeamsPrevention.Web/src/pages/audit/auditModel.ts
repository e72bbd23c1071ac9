import { api } from "../../api/client";
import { exactPurposes } from "./purposeCatalogue";

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
  people?: AuditPersonName[] | null;
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
  people?: AuditPersonName[] | null;
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
export function auditPath(filters: AuditFilters, before?: number | null, pageSize = 50, names = false): string {
  const query = new URLSearchParams();
  for (const key of ["actor", "situation", "action", "outcome", "from", "to"] as const) {
    const value = filters[key].trim();
    if (value) query.set(key, value);
  }
  if (before) query.set("before", String(before));
  query.set("pageSize", String(pageSize));
  if (names) query.set("names", "true");
  return `/api/audit?${query.toString()}`;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An access report is for a situation code or a person's object id: the subject is told from its shape. */
export function accessReportPath(subject: string, names = false): string | null {
  const value = subject.trim();
  if (!value) return null;
  const path = guid.test(value) ? `/api/audit/access-report?person=${encodeURIComponent(value.toLowerCase())}` : `/api/audit/access-report?situation=${encodeURIComponent(value.toUpperCase())}`;
  return names ? `${path}&names=true` : path;
}

export function anomaliesPath(from: string, to: string): string {
  const query = new URLSearchParams();
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const text = query.toString();
  return text ? `/api/audit/anomalies?${text}` : "/api/audit/anomalies";
}

export const searchAudit = (filters: AuditFilters, before?: number | null, names = false, signal?: AbortSignal) => api.get<AuditPage>(auditPath(filters, before, 50, names), { signal });
export const verifyAudit = () => api.get<AuditVerification>("/api/audit/verification");
export const writeCheckpoint = () => api.post<AuditCheckpointWrite>("/api/audit/checkpoints");
export const getAccessReport = (path: string) => api.get<AccessReport>(path);
export const getAnomalies = (from: string, to: string, signal?: AbortSignal) => api.get<AuditAnomalies>(anomaliesPath(from, to), { signal });

/** A person an audit answer names (asked with `names=true`; the App audits each name it shows). */
export interface AuditPersonName {
  objectId: string;
  personId: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
}

/** Who an entry's actor or `Person` target is, when the answer named them. */
export function nameIndex(people: AuditPersonName[] | null | undefined): { actor: (oid: string) => AuditPersonName | undefined; record: (id: string | null) => AuditPersonName | undefined } {
  const byOid = new Map((people ?? []).map((p) => [p.objectId.toLowerCase(), p]));
  const byId = new Map((people ?? []).map((p) => [p.personId.toLowerCase(), p]));
  return { actor: (oid) => byOid.get(oid.toLowerCase()), record: (id) => (id ? byId.get(id.toLowerCase()) : undefined) };
}

const purposePatterns: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^alert answered: (\w+)$/, "alertAnswered", (m) => ({ answer: m[1] })],
  [/^alert escalated to level (\d+)/, "alertEscalated", (m) => ({ level: m[1] })],
  [/^retention expired \((\w+)\)$/, "retentionExpired", (m) => ({ category: m[1] })],
  [/^reveal reason (\S+)$/, "revealReason", (m) => ({ id: m[1] })],
  [/^break-glass reason (\S+)$/, "breakGlassReason", (m) => ({ id: m[1] })],
  [/^directory: role (\w+) granted/, "roleGranted", (m) => ({ role: m[1] })],
  [/^directory: role (\w+) withdrawn$/, "roleWithdrawn", (m) => ({ role: m[1] })],
  [/^directory: change refused \((.+)\)$/, "directoryRefused", (m) => ({ reason: m[1] })],
  [/^subject-access export \(person\): (.*)$/, "exportPerson", (m) => ({ detail: m[1] })],
  [/^subject-access export \(situation\): (.*)$/, "exportSituation", (m) => ({ detail: m[1] })],
  [/^purge: (\w+)$/, "purge", (m) => ({ kind: m[1] })],
  [/^(.+) refused \((\d{3})\)$/, "refused", (m) => ({ what: m[1], status: m[2] })],
];

/**
 * A stored purpose as a text of the `purposes` group: the key and its values, or null for a purpose the catalogue does
 * not know (the page then shows it as stored).
 */
export function purposeText(purpose: string | null): { key: string; values: Record<string, string> } | null {
  if (!purpose) return null;
  const exact = exactPurposes[purpose];
  if (exact) return { key: exact, values: {} };
  for (const [pattern, key, values] of purposePatterns) {
    const match = purpose.match(pattern);
    if (match) return { key, values: values(match) };
  }
  return null;
}

export type SubjectKind = "person" | "situation";

/** The export's address: ids and codes only. */
export function subjectAccessPath(kind: SubjectKind, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (kind === "person") return guid.test(v) ? `/api/subject-access/people/${v.toLowerCase()}` : null;
  return /^[A-Za-z0-9-]{3,16}$/.test(v) ? `/api/subject-access/situations/${encodeURIComponent(v.toUpperCase())}` : null;
}

export const downloadSubjectAccess = (kind: SubjectKind, value: string) => {
  const path = subjectAccessPath(kind, value);
  if (!path) return Promise.resolve(false);
  const name = kind === "person" ? `acces-personne-${value.trim().toLowerCase()}.json` : `acces-situation-${value.trim().toUpperCase()}.json`;
  return api.download(path, name, "application/json").then(() => true);
};
