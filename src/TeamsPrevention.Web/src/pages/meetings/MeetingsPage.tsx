import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Link, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import { href, navigate } from "../../shell/router";
import type { PageProps } from "../../shell/types";
import { StatusBadge, SyncBadge } from "./MeetingBadges";
import { isCoordination, meetingsApi, type MeetingView } from "./types";

const useStyles = makeStyles({
  sync: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, alignItems: "flex-start" },
});

/** Platform and case meetings the person attends (all of them for the coordination), with where Outlook/Teams stands. */
export function MeetingsPage({ me }: PageProps) {
  const { t, i18n } = useTranslation("meetings");
  const state = useApi((signal) => meetingsApi.list(signal), [], 15_000);
  const coordination = isCoordination(me);
  return (
    <Page
      title={t("title")}
      actions={
        coordination && (
          <Button appearance="primary" onClick={() => navigate("/meetings/new")}>
            {t("list.schedule")}
          </Button>
        )
      }
    >
      <ErrorBar error={state.error} />
      {!state.data && !state.error && <Loading />}
      {state.data?.length === 0 && <Text>{t("list.none")}</Text>}
      {!!state.data?.length && (
        <Table aria-label={t("list.label")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("field.kind")}</TableHeaderCell>
              <TableHeaderCell>{t("field.start")}</TableHeaderCell>
              <TableHeaderCell>{t("field.end")}</TableHeaderCell>
              <TableHeaderCell>{t("field.occurrences")}</TableHeaderCell>
              <TableHeaderCell>{t("field.status")}</TableHeaderCell>
              <TableHeaderCell>{t("field.sync")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.data.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link href={href("/meetings", m.id)}>{t(`kind.${m.kind}`)}</Link>
                </TableCell>
                <TableCell>{formatDateTime(m.startAt, i18n.language)}</TableCell>
                <TableCell>{formatDateTime(m.endAt, i18n.language)}</TableCell>
                <TableCell>{m.occurrences ?? "—"}</TableCell>
                <TableCell>
                  <StatusBadge status={m.status} />
                </TableCell>
                <TableCell>
                  <SyncCell meeting={m} coordination={coordination} onChanged={state.reload} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Page>
  );
}

/** The meeting's state with Outlook and Teams; a failure shows the API's reason and, for the coordination, Retry. */
export function SyncCell({ meeting, coordination, onChanged }: { meeting: MeetingView; coordination: boolean; onChanged: () => void }) {
  const { t } = useTranslation("meetings");
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const retry = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await meetingsApi.retry(meeting.id);
      onChanged();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.sync}>
      <SyncBadge state={meeting.syncState} />
      {meeting.syncState === "ToRetry" && meeting.syncProblem && <Text size={200}>{meeting.syncProblem}</Text>}
      {meeting.syncState === "ToRetry" && coordination && (
        <Button size="small" disabled={busy} onClick={() => void retry()}>
          {t("sync.retry")}
        </Button>
      )}
      <ErrorBar error={failure} />
    </div>
  );
}
