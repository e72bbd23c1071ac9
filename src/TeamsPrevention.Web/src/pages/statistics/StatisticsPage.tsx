import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle1, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { useApi } from "../../components/useApi";
import { formatDateTime, localeFor } from "../../components/format";
import type { PageProps } from "../../shell/types";
import { BarChart } from "./BarChart";
import { CategoryBars } from "./CategoryBars";
import { chartData, monthShort, rowTotals } from "./chartModel";
import { getStatistics, monthLabel, rowLabel, type StatisticsCell, type StatisticsTable } from "./statisticsModel";

const useStyles = makeStyles({
  // The chart and its table side by side when there is room, the table below otherwise.
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 24rem), 1fr))", gap: tokens.spacingHorizontalXL, alignItems: "start" },
  hidden: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
});

type Labeller = (key: string) => string;

/**
 * Statistics for the Diagnostic local de sécurité: each table with its chart beside it (SVG bars per month, bars per
 * category); small counts arrive suppressed and stay so — "masqué" in the table, a marked gap in the chart.
 */
export function StatisticsPage(_: PageProps) {
  const { t, i18n } = useTranslation("statistics");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [asked, setAsked] = useState({ from: "", to: "" });
  const { data, error, loading } = useApi((signal) => getStatistics(asked.from, asked.to, signal), [asked.from, asked.to]);
  const locale = localeFor(i18n.language);
  const month: Labeller = (key) => monthLabel(key, locale);
  const known: Labeller = (key) => t(`keys.${key}`, { defaultValue: key });
  const short: Labeller = (key) => monthShort(key, locale);
  const indicator: Labeller = (key) => {
    const row = data?.situationsByIndicator.rows.find((r) => r.key === key);
    return row ? rowLabel(row, i18n.language) : key;
  };
  const hiddenLegend = t("suppressedLegend", { minimum: data?.minimumCount ?? 5 });

  const cell = (c: StatisticsCell | null | undefined) =>
    !c ? "—" : c.suppressed ? <span className={styles.hidden}>{t("suppressed")}</span> : String(c.count);

  const table = (id: string, source: StatisticsTable, rowName: Labeller, columnName: Labeller) => (
    <Table aria-labelledby={id} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t(`${id}.rows`)}</TableHeaderCell>
          {source.columns.map((c) => <TableHeaderCell key={c}>{columnName(c)}</TableHeaderCell>)}
          {source.rows[0]?.total !== null && source.rows[0]?.total !== undefined && <TableHeaderCell>{t("total")}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...source.rows, ...(source.totals ? [source.totals] : [])].map((r) => (
          <TableRow key={r.key}>
            <TableCell>{r.key === "total" ? t("total") : rowName(r.key)}</TableCell>
            {r.cells.map((c, i) => <TableCell key={source.columns[i]}>{cell(c)}</TableCell>)}
            {r.total && <TableCell>{cell(r.total)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

  return (
    <Page title={t("title")}>
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); setAsked({ from, to }); }}>
        <Field label={t("from")}><Input type="month" value={from} onChange={(_, v) => setFrom(v.value)} /></Field>
        <Field label={t("to")}><Input type="month" value={to} onChange={(_, v) => setTo(v.value)} /></Field>
        <Button type="submit" appearance="primary">{t("show")}</Button>
      </form>
      <ErrorBar error={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <MessageBar intent="info">
            <MessageBarBody>{t("suppressionNote", { minimum: data.minimumCount })}</MessageBarBody>
          </MessageBar>
          <Caption1>{t("period", { from: month(data.from.slice(0, 7)), to: month(data.to.slice(0, 7)), at: formatDateTime(data.generatedAt, i18n.language) })}</Caption1>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="byMonth">{t("byMonth.title")}</Subtitle1>
            <div className={styles.pair}>
              <BarChart data={chartData(data.situationsByMonth)} text={{ title: t("byMonth.chart"), category: month, short, series: known, suppressed: hiddenLegend }} />
              {table("byMonth", data.situationsByMonth, month, known)}
            </div>
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="bySource">{t("bySource.title")}</Subtitle1>
            <div className={styles.pair}>
              <CategoryBars data={chartData(rowTotals(data.situationsBySourceAndStatus))} title={t("bySource.chart")} category={known} suppressed={hiddenLegend} />
              {table("bySource", data.situationsBySourceAndStatus, known, known)}
            </div>
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="byIndicator">{t("byIndicator.title")}</Subtitle1>
            {data.indicatorsAreExample && <Caption1>{t("byIndicator.example")}</Caption1>}
            <div className={styles.pair}>
              <CategoryBars data={chartData(data.situationsByIndicator, [0])} title={t("byIndicator.chart")} category={indicator} suppressed={hiddenLegend} />
              {table("byIndicator", data.situationsByIndicator, indicator, () => t("byIndicator.chart"))}
            </div>
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="alerts">{t("alerts.title")}</Subtitle1>
            <div className={styles.pair}>
              <BarChart data={chartData(data.alertsByMonthAndSeverity)} text={{ title: t("alerts.chart"), category: month, short, series: known, suppressed: hiddenLegend }} />
              {table("alerts", data.alertsByMonthAndSeverity, month, known)}
            </div>
          </section>
        </>
      )}
    </Page>
  );
}
