import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Body1, Button, Caption1, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Subtitle2, Switch, Table,
  TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import { directoryApi, type Person } from "../../api/directory";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import type { PageProps } from "../../shell/types";
import {
  accessReportPath, auditActions, auditOutcomes, checkpointSummary, downloadSubjectAccess, emptyFilters, getAccessReport, getAnomalies, nameIndex,
  purposeText, searchAudit, subjectAccessPath, verifyAudit, writeCheckpoint, type AccessReport, type AuditAnomalies, type AuditCheckpointCheck,
  type AuditCheckpointWrite, type AuditEntry, type AuditFilters, type AuditPage as AuditEntries, type AuditPersonName, type AuditVerification,
  type SubjectKind,
} from "./auditModel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  // Fluent's table lays its columns out fixed: a long value (a channel id, an object id) must wrap inside its cell,
  // never run over the next one.
  cell: { overflowWrap: "anywhere", wordBreak: "break-word", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  who: { display: "flex", flexDirection: "column" },
});

type View = "search" | "verification" | "report" | "anomalies" | "export";

/** The DPO's audit page: search, chain verification, access reports, anomaly flags. Every read is audited by the App. */
export function AuditPage(_: PageProps) {
  const { t } = useTranslation("audit");
  const [view, setView] = useState<View>("search");
  return (
    <Page title={t("title")}>
      <nav aria-label={t("views")} style={{ display: "flex", gap: "8px", flexWrap: "wrap" }}>
        {(["search", "verification", "report", "anomalies", "export"] as const).map((v) => (
          <Button key={v} appearance={view === v ? "primary" : "secondary"} aria-pressed={view === v} onClick={() => setView(v)}>{t(`${v}.tab`)}</Button>
        ))}
      </nav>
      {view === "search" && <SearchView />}
      {view === "verification" && <VerificationView />}
      {view === "report" && <ReportView />}
      {view === "anomalies" && <AnomaliesView />}
      {view === "export" && <ExportView />}
    </Page>
  );
}

/** An actor: the name and organisation when the App named them (audited), the object id beneath, which wraps. */
function Who({ oid, person }: { oid: string; person: AuditPersonName | undefined }) {
  const styles = useStyles();
  if (!person) return <span className={styles.mono}>{oid}</span>;
  return (
    <span className={styles.who}>
      <span>{person.displayName}</span>
      <Caption1>{person.organisationName}</Caption1>
      <Caption1 className={styles.mono}>{oid}</Caption1>
    </span>
  );
}

/** A stored purpose in the reader's language; one the catalogue does not know is shown as stored. */
function usePurpose() {
  const { t } = useTranslation("audit");
  return (purpose: string | null) => {
    const text = purposeText(purpose);
    return text ? t(`purposes.${text.key}`, text.values) : (purpose ?? "—");
  };
}

function EntriesTable({ entries, label, people }: { entries: AuditEntry[]; label: string; people?: AuditPersonName[] | null }) {
  const { t, i18n } = useTranslation("audit");
  const styles = useStyles();
  const names = nameIndex(people);
  const purpose = usePurpose();
  return (
    <Table size="small" aria-label={label}>
      <TableHeader>
        <TableRow>
          {["sequence", "at", "actor", "role", "action", "situation", "target", "purpose", "outcome"].map((c) => <TableHeaderCell key={c}>{t(`columns.${c}`)}</TableHeaderCell>)}
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => {
          const target = e.targetType === "Person" ? names.record(e.targetId) : undefined;
          return (
            <TableRow key={e.sequence}>
              <TableCell className={styles.cell}>{e.sequence}</TableCell>
              <TableCell className={styles.cell}>{formatDateTime(e.occurredAt, i18n.language)}</TableCell>
              <TableCell className={styles.cell} data-column="actor"><Who oid={e.actor} person={names.actor(e.actor)} /></TableCell>
              <TableCell className={styles.cell}>{e.actorRole ?? "—"}</TableCell>
              <TableCell className={styles.cell}>{t(`actions.${e.action}`, { defaultValue: e.action })}</TableCell>
              <TableCell className={styles.cell}>{e.situationCode ?? "—"}</TableCell>
              <TableCell className={styles.cell} data-column="target">
                {target ? `${t(`targets.Person`)} ${target.displayName}` : [e.targetType, e.targetId].filter(Boolean).join(" ") || "—"}
              </TableCell>
              <TableCell className={styles.cell} data-column="purpose">{purpose(e.purpose)}</TableCell>
              <TableCell className={styles.cell}>{t(`outcomes.${e.outcome}`, { defaultValue: e.outcome })}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Names instead of object ids: on by default; each name the App resolves is itself audited. */
function NamesSwitch({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation("audit");
  return <Switch checked={checked} onChange={(_, d) => onChange(d.checked)} label={t("names.label")} />;
}

function SearchView() {
  const { t } = useTranslation("audit");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters);
  const [names, setNames] = useState(true);
  const [pages, setPages] = useState<AuditEntries[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (before?: number | null) => {
    setBusy(true);
    try {
      const page = await searchAudit(filters, before, names);
      setPages((p) => (before ? [...p, page] : [page]));
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const last = pages.at(-1);
  const text = (key: keyof AuditFilters, type: "text" | "date" = "text") => (
    <Field label={t(`filters.${key}`)}><Input type={type} value={filters[key]} onChange={(_, v) => setFilters({ ...filters, [key]: v.value })} /></Field>
  );
  const choice = (key: "action" | "outcome", values: readonly string[]) => (
    <Field label={t(`filters.${key}`)}>
      <Dropdown value={filters[key] ? t(`${key}s.${filters[key]}`) : t("filters.any")} selectedOptions={[filters[key]]} onOptionSelect={(_, d) => setFilters({ ...filters, [key]: d.optionValue ?? "" })}>
        <Option value="">{t("filters.any")}</Option>
        {values.map((v) => <Option key={v} value={v}>{t(`${key}s.${v}`)}</Option>)}
      </Dropdown>
    </Field>
  );
  return (
    <section className={styles.section}>
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); void run(); }}>
        {text("actor")}
        {text("situation")}
        {choice("action", auditActions)}
        {choice("outcome", auditOutcomes)}
        {text("from", "date")}
        {text("to", "date")}
        <NamesSwitch checked={names} onChange={setNames} />
        <Button type="submit" appearance="primary" disabled={busy}>{t("search.run")}</Button>
      </form>
      {names && <Caption1>{t("names.audited")}</Caption1>}
      <ErrorBar error={error} />
      {pages.length > 0 && (
        <>
          <Caption1>{t("search.total", { count: pages[0].total })}</Caption1>
          <EntriesTable entries={pages.flatMap((p) => p.entries)} label={t("search.tab")} people={pages.flatMap((p) => p.people ?? [])} />
          {last?.nextBefore && <Button onClick={() => void run(last.nextBefore)} disabled={busy}>{t("search.more")}</Button>}
        </>
      )}
    </section>
  );
}

function VerificationView() {
  const { t, i18n } = useTranslation("audit");
  const styles = useStyles();
  const [result, setResult] = useState<AuditVerification>();
  const [written, setWritten] = useState<AuditCheckpointWrite>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const run = () => act(async () => setResult(await verifyAudit()));
  const checkpoint = () => act(async () => setWritten(await writeCheckpoint()));
  return (
    <section className={styles.section}>
      <Body1>{t("verification.intro")}</Body1>
      <div style={{ display: "flex", gap: "8px", flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>{t("verification.run")}</Button>
        <Button onClick={() => void checkpoint()} disabled={busy}>{t("verification.checkpoint.write")}</Button>
      </div>
      {busy && <Loading />}
      <ErrorBar error={error} />
      {written && <CheckpointWritten write={written} />}
      {result && (
        <>
          <MessageBar intent={result.isIntact ? "success" : "error"} role="status">
            <MessageBarBody>
              {result.isIntact
                ? t("verification.intact", { count: result.entriesChecked, at: formatDateTime(result.verifiedAt, i18n.language) })
                : t("verification.broken", { sequence: result.firstBreakSequence, kind: t(`breaks.${result.firstBreakKind}`) })}
            </MessageBarBody>
          </MessageBar>
          {result.keyedFromSequence !== null && (
            <Caption1>{result.keyedFromSequence === 1 ? t("verification.keyedAll") : t("verification.keyedFrom", { sequence: result.keyedFromSequence })}</Caption1>
          )}
          <LatestCheckpoint check={result.checkpoint} />
        </>
      )}
    </section>
  );
}

/** The latest checkpoint kept outside the database: its entry, when it was written (Brussels time), whether it matched. */
function LatestCheckpoint({ check }: { check: AuditCheckpointCheck | null }) {
  const { t, i18n } = useTranslation("audit");
  const summary = checkpointSummary(check);
  return (
    <section aria-labelledby="audit-checkpoint">
      <Subtitle2 as="h2" id="audit-checkpoint">{t("verification.checkpoint.title")}</Subtitle2>
      <MessageBar intent={summary.intent}>
        <MessageBarBody>
          {t(`verification.checkpoint.${summary.key}`, {
            sequence: check?.sequence,
            at: formatDateTime(check?.writtenAt, i18n.language),
            status: check ? t(`verification.status.${check.status}`) : "",
          })}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}

function CheckpointWritten({ write }: { write: AuditCheckpointWrite }) {
  const { t, i18n } = useTranslation("audit");
  const intent = write.outcome === "Refused" ? "error" : "success";
  const text = write.outcome === "Refused"
    ? t("verification.checkpoint.refused", { sequence: write.breakSequence, kind: t(`breaks.${write.breakKind}`) })
    : write.outcome === "Empty"
      ? t("verification.checkpoint.empty")
      : t(`verification.checkpoint.${write.outcome === "Written" ? "written" : "unchanged"}`, {
        sequence: write.checkpoint?.sequence,
        at: formatDateTime(write.checkpoint?.writtenAt, i18n.language),
      });
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

function ReportView() {
  const { t, i18n } = useTranslation("audit");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [subject, setSubject] = useState("");
  const [names, setNames] = useState(true);
  const [report, setReport] = useState<AccessReport>();
  const [error, setError] = useState<unknown>();
  const run = async () => {
    const path = accessReportPath(subject, names);
    if (!path) return;
    try {
      setReport(await getAccessReport(path));
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className={styles.section}>
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <Field label={t("report.subject")} hint={t("report.hint")}><Input value={subject} onChange={(_, v) => setSubject(v.value)} /></Field>
        <NamesSwitch checked={names} onChange={setNames} />
        <Button type="submit" appearance="primary">{t("report.run")}</Button>
      </form>
      <ErrorBar error={error} />
      {report && (
        <>
          <Subtitle2 as="h2">{t("report.summary", { count: report.totalEntries })}</Subtitle2>
          <Table size="small" aria-label={t("report.linesLabel")}>
            <TableHeader>
              <TableRow>
                {["actor", "role", "action", "outcome", "situation", "target", "count", "first", "last"].map((c) => <TableHeaderCell key={c}>{t(`columns.${c}`)}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.lines.map((l, i) => (
                <TableRow key={i}>
                  <TableCell className={styles.cell}><Who oid={l.actor} person={nameIndex(report.people).actor(l.actor)} /></TableCell>
                  <TableCell>{l.actorRole ?? "—"}</TableCell>
                  <TableCell>{t(`actions.${l.action}`, { defaultValue: l.action })}</TableCell>
                  <TableCell>{t(`outcomes.${l.outcome}`, { defaultValue: l.outcome })}</TableCell>
                  <TableCell>{l.situationCode ?? "—"}</TableCell>
                  <TableCell>{l.targetType ?? "—"}</TableCell>
                  <TableCell>{l.count}</TableCell>
                  <TableCell>{formatDateTime(l.firstAt, i18n.language)}</TableCell>
                  <TableCell>{formatDateTime(l.lastAt, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {report.truncated && <Caption1>{t("report.truncated", { count: report.entries.length })}</Caption1>}
          <EntriesTable entries={report.entries} label={t("report.entriesLabel")} people={report.people} />
        </>
      )}
    </section>
  );
}

function AnomaliesView() {
  const { t, i18n } = useTranslation("audit");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [result, setResult] = useState<AuditAnomalies>();
  const [error, setError] = useState<unknown>();
  const run = async () => {
    try {
      setResult(await getAnomalies(from, to));
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className={styles.section}>
      <Body1>{t("anomalies.intro")}</Body1>
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <Field label={t("filters.from")}><Input type="date" value={from} onChange={(_, v) => setFrom(v.value)} /></Field>
        <Field label={t("filters.to")}><Input type="date" value={to} onChange={(_, v) => setTo(v.value)} /></Field>
        <Button type="submit" appearance="primary">{t("anomalies.run")}</Button>
      </form>
      <ErrorBar error={error} />
      {result && result.flags.length === 0 && <MessageBar intent="success" role="status"><MessageBarBody>{t("anomalies.none")}</MessageBarBody></MessageBar>}
      {result && result.flags.length > 0 && (
        <Table size="small" aria-label={t("anomalies.tab")}>
          <TableHeader>
            <TableRow>
              {["rule", "actor", "count", "first", "last", "sequences"].map((c) => <TableHeaderCell key={c}>{t(`columns.${c}`)}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.flags.map((f, i) => (
              <TableRow key={i}>
                <TableCell>{t(`rules.${f.rule}`, { defaultValue: f.rule })}</TableCell>
                <TableCell className={styles.mono}>{f.actor}</TableCell>
                <TableCell>{t("anomalies.count", { count: f.count, threshold: f.threshold })}</TableCell>
                <TableCell>{formatDateTime(f.from, i18n.language)}</TableCell>
                <TableCell>{formatDateTime(f.to, i18n.language)}</TableCell>
                <TableCell>{f.firstSequence}–{f.lastSequence}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/**
 * The subject-access export (GDPR art. 15): a person of the directory, picked by name, or the person a situation is
 * about, by the code the referent gives (the DPO never searches the sealed identities). A JSON file, audited by the App.
 */
function ExportView() {
  const { t } = useTranslation("audit");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [kind, setKind] = useState<SubjectKind>("person");
  const [people, setPeople] = useState<Person[]>([]);
  const [personId, setPersonId] = useState("");
  const [code, setCode] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    directoryApi.people(abort.signal).then((p) => setPeople([...p].sort((a, b) => a.displayName.localeCompare(b.displayName)))).catch((e) => {
      if (!abort.signal.aborted) setError(e);
    });
    return () => abort.abort();
  }, []);
  const value = kind === "person" ? personId : code;
  const run = async () => {
    setBusy(true);
    setDone(false);
    try {
      setDone(await downloadSubjectAccess(kind, value));
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const chosen = people.find((p) => p.id === personId);
  return (
    <section className={styles.section}>
      <Body1>{t("export.intro")}</Body1>
      <RadioGroup value={kind} onChange={(_, d) => { setKind(d.value as SubjectKind); setDone(false); }} aria-label={t("export.kind")}>
        <Radio value="person" label={t("export.person")} />
        <Radio value="situation" label={t("export.situation")} />
      </RadioGroup>
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); void run(); }}>
        {kind === "person" ? (
          <Field label={t("export.personField")}>
            <Dropdown value={chosen?.displayName ?? ""} selectedOptions={personId ? [personId] : []} placeholder={t("export.choose")}
              onOptionSelect={(_, d) => setPersonId(d.optionValue ?? "")}>
              {people.map((p) => <Option key={p.id} value={p.id}>{p.displayName}</Option>)}
            </Dropdown>
          </Field>
        ) : (
          <Field label={t("export.codeField")} hint={t("export.codeHint")}><Input value={code} onChange={(_, v) => setCode(v.value)} /></Field>
        )}
        <Button type="submit" appearance="primary" disabled={busy || !subjectAccessPath(kind, value)}>{t("export.run")}</Button>
      </form>
      {busy && <Loading />}
      <ErrorBar error={error} />
      {done && <MessageBar intent="success" role="status"><MessageBarBody>{t("export.done")}</MessageBarBody></MessageBar>}
    </section>
  );
}
