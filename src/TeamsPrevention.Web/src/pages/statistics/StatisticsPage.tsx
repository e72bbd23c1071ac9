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
import { bars, getStatistics, monthLabel, rowLabel, type StatisticsCell, type StatisticsTable } from "./statisticsModel";

const useStyles = makeStyles({
  chart: { display: "grid", gridTemplateColumns: "minmax(8rem, max-content) 1fr", gap: tokens.spacingVerticalXS, alignItems: "center" },
  track: { backgroundColor: tokens.colorNeutralBackground3, height: "1.25rem", borderRadius: tokens.borderRadiusSmall },
  bar: { backgroundColor: tokens.colorBrandBackground, height: "100%", borderRadius: tokens.borderRadiusSmall },
  hidden: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
});

type Labeller = (key: string) => string;

/** Statistics for the Diagnostic local de sécurité: tables and bar charts; small counts arrive suppressed and stay so. */
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

  const chart = (label: string, source: StatisticsTable, column: number, rowName: Labeller) => (
    <div className={styles.chart} role="group" aria-label={label}>
      {bars(source, column).map((b) => (
        <div key={b.key} style={{ display: "contents" }}>
          <Caption1>{rowName(b.key)}</Caption1>
          <div className={styles.track} role="img" aria-label={`${rowName(b.key)} : ${b.suppressed ? t("suppressed") : b.count}`}>
            {b.suppressed ? <Caption1 className={styles.hidden}>{t("suppressed")}</Caption1> : <div className={styles.bar} style={{ width: `${b.percent}%` }} />}
          </div>
        </div>
      ))}
    </div>
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
            {chart(t("byMonth.chart"), data.situationsByMonth, 0, month)}
            {table("byMonth", data.situationsByMonth, month, known)}
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="bySource">{t("bySource.title")}</Subtitle1>
            {table("bySource", data.situationsBySourceAndStatus, known, known)}
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="byIndicator">{t("byIndicator.title")}</Subtitle1>
            {data.indicatorsAreExample && <Caption1>{t("byIndicator.example")}</Caption1>}
            {chart(t("byIndicator.chart"), data.situationsByIndicator, 0, (key) => rowLabel(data.situationsByIndicator.rows.find((r) => r.key === key)!, i18n.language))}
          </section>
          <section className={layout.section}>
            <Subtitle1 as="h2" id="alerts">{t("alerts.title")}</Subtitle1>
            {table("alerts", data.alertsByMonthAndSeverity, month, known)}
          </section>
        </>
      )}
    </Page>
  );
}
