import { makeStyles, tokens } from "@fluentui/react-components";
import type { ChartData } from "./chartModel";

// Series colours from Fluent's palette (theme-aware CSS variables), the brand first.
const colours = [tokens.colorBrandBackground, tokens.colorPaletteDarkOrangeBackground3, tokens.colorPaletteGreenBackground3, tokens.colorPaletteBerryBackground3];

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  svg: { width: "100%", height: "auto", maxWidth: "56rem", overflow: "visible" },
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, listStyle: "none", margin: 0, padding: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, display: "inline-block" },
  marker: { width: "10px", height: "10px", borderRadius: "50%", display: "inline-block", border: `2px dashed ${tokens.colorNeutralForeground3}`, boxSizing: "border-box" },
});

export interface BarChartText {
  /** The chart's accessible name (its heading says the same). */
  title: string;
  /** A category's full name (`mars 2026`), for the bars' names, and its short one under the axis (`mars 26`). */
  category: (key: string) => string;
  short: (key: string) => string;
  series: (key: string) => string;
  /** What a suppressed cell reads, with the threshold (`masqué (moins de 5)`). */
  suppressed: string;
}

const height = 220;
const margin = { top: 12, right: 8, bottom: 34, left: 36 };
const barWidth = 11;
const groupGap = 18;

/**
 * A vertical bar chart in SVG, grouped by category (a month) with one bar per series. Each bar is an image named
 * "category, series: count"; a suppressed cell is a gap with a dashed marker on the baseline, named "masqué (moins de
 * N)" and explained in the legend, never a bar of zero.
 */
export function BarChart({ data, text }: { data: ChartData; text: BarChartText }) {
  const styles = useStyles();
  const groupWidth = data.series.length * barWidth + groupGap;
  const width = margin.left + margin.right + Math.max(1, data.groups.length) * groupWidth;
  const plot = height - margin.top - margin.bottom;
  const y = (share: number) => margin.top + plot * (1 - share);
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={text.title}>
        <g aria-hidden="true">
          {data.ticks.map((tick) => (
            <g key={tick}>
              <line className={styles.grid} x1={margin.left} x2={width - margin.right} y1={y(tick / data.top)} y2={y(tick / data.top)} />
              <text className={styles.axis} x={margin.left - 6} y={y(tick / data.top) + 4} textAnchor="end">{tick}</text>
            </g>
          ))}
        </g>
        {data.groups.map((group, g) => {
          const left = margin.left + g * groupWidth + groupGap / 2;
          return (
            <g key={group.key} data-category={group.key}>
              {group.bars.map((bar, b) => {
                const x = left + b * barWidth;
                const name = `${text.category(group.key)}, ${text.series(bar.series)} : ${bar.suppressed ? text.suppressed : bar.count}`;
                return bar.suppressed ? (
                  <circle key={bar.series} role="img" aria-label={name} data-suppressed="true" cx={x + barWidth / 2} cy={y(0) - 5} r={3.5}
                    fill="none" stroke={tokens.colorNeutralForeground3} strokeWidth={1.5} strokeDasharray="2 1.5">
                    <title>{name}</title>
                  </circle>
                ) : (
                  <rect key={bar.series} role="img" aria-label={name} x={x + 1} width={barWidth - 2} y={y(bar.share)} height={plot * bar.share}
                    fill={colours[b % colours.length]} rx={1.5}>
                    <title>{name}</title>
                  </rect>
                );
              })}
              <text className={styles.axis} aria-hidden="true" x={left + (groupWidth - groupGap) / 2} y={height - margin.bottom + 16} textAnchor="middle">{text.short(group.key)}</text>
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend}>
        {data.series.length > 1 && data.series.map((s, i) => (
          <li key={s} className={styles.item}><span className={styles.swatch} style={{ backgroundColor: colours[i % colours.length] }} aria-hidden="true" />{text.series(s)}</li>
        ))}
        {data.anySuppressed && <li className={styles.item}><span className={styles.marker} aria-hidden="true" />{text.suppressed}</li>}
      </ul>
    </figure>
  );
}
