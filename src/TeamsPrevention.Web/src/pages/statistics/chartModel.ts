import type { StatisticsTable } from "./statisticsModel";

/** One bar: its height as a share of the axis' top; a suppressed cell has none (a gap, marked), never a zero. */
export interface ChartBar {
  series: string;
  count: number | null;
  suppressed: boolean;
  share: number;
}

/** One category on the axis (a month, an indicator) and its bars, one per series. */
export interface ChartGroup {
  key: string;
  bars: ChartBar[];
}

export interface ChartData {
  series: string[];
  groups: ChartGroup[];
  /** The axis' top and its ticks (round numbers from 0). */
  top: number;
  ticks: number[];
  /** Whether any cell is suppressed: the legend then says what the marker means. */
  anySuppressed: boolean;
}

/** A round step for about four ticks up to `max` (1, 2, 5 × 10ⁿ). */
export function tickStep(max: number): number {
  const rough = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return Math.max(1, step);
}

/**
 * The bars of `columns` (indices into `table.columns`; all by default) for each row of the table. The axis runs to
 * the first tick at or above the largest visible count; suppressed cells count for nothing in it.
 */
export function chartData(table: StatisticsTable, columns: number[] = table.columns.map((_, i) => i)): ChartData {
  const visible = table.rows.flatMap((r) => columns.map((i) => r.cells[i])).filter((c) => c && !c.suppressed && c.count !== null).map((c) => c.count as number);
  const max = Math.max(0, ...visible);
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  let anySuppressed = false;
  const groups = table.rows.map((r) => ({
    key: r.key,
    bars: columns.map((i) => {
      const cell = r.cells[i];
      const suppressed = !cell || cell.suppressed || cell.count === null;
      anySuppressed ||= suppressed;
      return { series: table.columns[i], count: suppressed ? null : cell.count, suppressed, share: suppressed ? 0 : (cell.count as number) / top };
    }),
  }));
  return { series: columns.map((i) => table.columns[i]), groups, top, ticks, anySuppressed };
}

/** A table's row totals as a one-column table (`total`), to chart a two-way table by its rows. */
export function rowTotals(table: StatisticsTable): StatisticsTable {
  return {
    columns: ["total"],
    rows: table.rows.map((r) => ({ ...r, cells: [r.total ?? { count: null, suppressed: true }], total: null })),
    totals: null,
  };
}

/** The month `yyyy-MM` short, under a chart's axis (`mars 26`). */
export function monthShort(key: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
