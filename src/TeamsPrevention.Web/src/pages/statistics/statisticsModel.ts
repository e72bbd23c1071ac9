import { api } from "../../api/client";

/** A count, or suppressed (below the minimum, or it would give one back): never shown as a number. */
export interface StatisticsCell {
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsRow {
  key: string;
  cells: StatisticsCell[];
  total: StatisticsCell | null;
  labels: Record<string, string> | null;
}

export interface StatisticsTable {
  columns: string[];
  rows: StatisticsRow[];
  totals: StatisticsRow | null;
}

/** `GET /api/statistics?from&to` (Chair, Coordinator, DPO). */
export interface StatisticsReport {
  from: string;
  to: string;
  minimumCount: number;
  generatedAt: string;
  indicatorsAreExample: boolean;
  situationsByMonth: StatisticsTable;
  situationsBySourceAndStatus: StatisticsTable;
  situationsByIndicator: StatisticsTable;
  alertsByMonthAndSeverity: StatisticsTable;
}

export function statisticsPath(from: string, to: string): string {
  const query = new URLSearchParams();
  if (from) query.set("from", `${from}-01`);
  if (to) query.set("to", `${to}-01`);
  const text = query.toString();
  return text ? `/api/statistics?${text}` : "/api/statistics";
}

export const getStatistics = (from: string, to: string, signal?: AbortSignal) => api.get<StatisticsReport>(statisticsPath(from, to), { signal });

/** The month `yyyy-MM` as the reader reads it (`mars 2026`). */
export function monthLabel(key: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** The label of an indicator row in the page's language (French when missing). */
export function rowLabel(row: StatisticsRow, language: string): string {
  return row.labels?.[language] ?? row.labels?.fr ?? row.key;
}
