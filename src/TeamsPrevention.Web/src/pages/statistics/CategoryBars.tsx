import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartData } from "./chartModel";

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  chart: { display: "grid", gridTemplateColumns: "minmax(8rem, max-content) 1fr", gap: tokens.spacingVerticalXS, alignItems: "center" },
  track: { height: "1.25rem", display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { backgroundColor: tokens.colorBrandBackground, height: "100%", borderRadius: `0 ${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0` },
  value: { color: tokens.colorNeutralForeground2 },
  hidden: { fontStyle: "italic", color: tokens.colorNeutralForeground3, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  marker: { width: "10px", height: "10px", borderRadius: "50%", display: "inline-block", border: `2px dashed ${tokens.colorNeutralForeground3}`, boxSizing: "border-box", marginLeft: tokens.spacingHorizontalXS },
});

/**
 * Horizontal bars for categories (an indicator, an origin) of one series: each bar an image named "category: count";
 * a suppressed cell draws no bar, a dashed marker and the word "masqué" instead.
 */
export function CategoryBars({ data, title, category, suppressed }: { data: ChartData; title: string; category: (key: string) => string; suppressed: string }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <div className={styles.chart} role="group" aria-label={title}>
        {data.groups.map((g) => {
          const bar = g.bars[0];
          const name = `${category(g.key)} : ${bar.suppressed ? suppressed : bar.count}`;
          return (
            <div key={g.key} style={{ display: "contents" }}>
              <Caption1 aria-hidden="true">{category(g.key)}</Caption1>
              <div className={styles.track} role="img" aria-label={name} data-suppressed={bar.suppressed || undefined}>
                {bar.suppressed
                  ? <Caption1 className={styles.hidden}><span className={styles.marker} />{suppressed}</Caption1>
                  : <><div className={styles.bar} style={{ width: `${bar.share * 85}%` }} /><Caption1 className={styles.value}>{bar.count}</Caption1></>}
              </div>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
