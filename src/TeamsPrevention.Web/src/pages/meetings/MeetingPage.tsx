import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Person } from "../../api/directory";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Loading, NotBuiltYet, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";
import { Confirm } from "../../components/Confirm";
import { AgendaSection } from "./AgendaSection";
import { isMissingRoute, formOf, notAccepted } from "./logic";
import { StatusBadge } from "./MeetingBadges";
import { MeetingForm } from "./MeetingForm";
import { SyncCell } from "./MeetingsPage";
import { isCoordination, meetingsApi, subjects, type MeetingView } from "./types";

const useStyles = makeStyles({
  detail: { margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "center" },
});

/** One meeting: its state, reschedule and cancel (coordination), responses, secrecy, the agenda and its minutes. */
export function MeetingPage({ me, params }: PageProps) {
  const { t } = useTranslation("meetings");
  const meeting = useApi((signal) => meetingsApi.get(params.id, signal), [params.id]);
  const people = useApi((signal) => meetingsApi.people(signal), []);
  const m = meeting.data;
  return (
    <Page title={m ? t(`kind.${m.kind}`) : t("title")}>
      <ErrorBar error={meeting.error} />
      {!m && !meeting.error && <Loading />}
      {m && <MeetingDetail me={me} meeting={m} people={people.data ?? []} reload={meeting.reload} />}
    </Page>
  );
}

function MeetingDetail({ me, meeting, people, reload }: { me: Person; meeting: MeetingView; people: Person[]; reload: () => void }) {
  const { t, i18n } = useTranslation("meetings");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const coordination = isCoordination(me);
  const scheduled = meeting.status === "Scheduled";
  const attendee = meeting.attendeeIds.includes(me.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [printMissing, setPrintMissing] = useState(false);
  const [secrecyAt, setSecrecyAt] = useState<string>();
  const names = new Map(people.map((p) => [p.id, p.displayName]));

  const act = async (work: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await work();
      reload();
    } catch (e) {
      setFailure(e);
    }
  };

  const print = async () => {
    setFailure(undefined);
    try {
      await meetingsApi.printMinutes(meeting.id);
    } catch (e) {
      if (isMissingRoute(e)) {
        setPrintMissing(true);
      } else {
        setFailure(e);
      }
    }
  };

  return (
    <>
      <ErrorBar error={failure} />
      {meeting.status === "Cancelled" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("page.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      <dl className={layout.facts}>
        <dt className={layout.term}>{t("field.subject")}</dt>
        <dd className={styles.detail}>{subjects[meeting.kind]}</dd>
        <dt className={layout.term}>{t("field.start")}</dt>
        <dd className={styles.detail}>{formatDateTime(meeting.startAt, i18n.language)}</dd>
        <dt className={layout.term}>{t("field.end")}</dt>
        <dd className={styles.detail}>{formatDateTime(meeting.endAt, i18n.language)}</dd>
        {meeting.kind === "Platform" && (
          <>
            <dt className={layout.term}>{t("field.occurrences")}</dt>
            <dd className={styles.detail}>{meeting.occurrences ? t("page.monthly", { count: meeting.occurrences }) : "—"}</dd>
          </>
        )}
        <dt className={layout.term}>{t("field.status")}</dt>
        <dd className={styles.detail}>
          <StatusBadge status={meeting.status} />
        </dd>
        <dt className={layout.term}>{t("field.sync")}</dt>
        <dd className={styles.detail}>
          <SyncCell meeting={meeting} coordination={coordination} onChanged={reload} />
        </dd>
        <dt className={layout.term}>{t("field.attendees")}</dt>
        <dd className={styles.detail}>{meeting.attendeeIds.map((id) => names.get(id) ?? "—").join(", ")}</dd>
      </dl>

      <div className={styles.row}>
        {meeting.joinUrl && scheduled && (
          <Link href={meeting.joinUrl} target="_blank" rel="noopener noreferrer">
            {t("page.join")}
          </Link>
        )}
        {coordination && scheduled && !editing && <Button onClick={() => setEditing(true)}>{t("page.reschedule")}</Button>}
        {coordination && scheduled && !confirming && <Button onClick={() => setConfirming(true)}>{t("page.cancel")}</Button>}
        {meeting.kind === "Case" && <Button onClick={() => void print()}>{t("page.print")}</Button>}
      </div>
      {confirming && scheduled && (
        <Confirm
          title={t("page.cancelTitle")}
          body={t("page.cancelBody")}
          confirm={t("page.confirmCancel")}
          keep={t("page.keep")}
          onConfirm={() => {
            setConfirming(false);
            void act(() => meetingsApi.cancel(meeting.id));
          }}
          onKeep={() => setConfirming(false)}
        />
      )}
      {printMissing && <NotBuiltYet what={t("page.print")} />}

      {editing && (
        <section className={layout.section} aria-labelledby="meeting-reschedule">
          <Subtitle1 as="h2" id="meeting-reschedule">
            {t("page.reschedule")}
          </Subtitle1>
          <MeetingForm
            me={me}
            people={people}
            initial={formOf(meeting)}
            kindFixed
            submitLabel={t("form.save")}
            onSubmit={async (input) => {
              await meetingsApi.reschedule(meeting.id, input);
              setEditing(false);
              reload();
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      )}

      {attendee && scheduled && (
        <section className={layout.section} aria-labelledby="meeting-secrecy">
          <Subtitle1 as="h2" id="meeting-secrecy">
            {t("secrecy.title")}
          </Subtitle1>
          <Text>{t("secrecy.body")}</Text>
          {secrecyAt ? (
            <Text role="status">{t("secrecy.done", { at: formatDateTime(secrecyAt, i18n.language) })}</Text>
          ) : (
            <div>
              <Button
                appearance="primary"
                onClick={() =>
                  void meetingsApi.acknowledgeSecrecy(meeting.id).then(
                    (s) => setSecrecyAt(s.acknowledgedAt),
                    (e: unknown) => setFailure(e),
                  )
                }
              >
                {t("secrecy.acknowledge")}
              </Button>
            </div>
          )}
        </section>
      )}

      {coordination && scheduled && <Responses meeting={meeting} names={names} />}

      <AgendaSection me={me} meeting={meeting} names={names} secrecyAt={secrecyAt} />
    </>
  );
}

function Responses({ meeting, names }: { meeting: MeetingView; names: Map<string, string> }) {
  const { t, i18n } = useTranslation("meetings");
  const layout = useLayoutStyles();
  const state = useApi((signal) => meetingsApi.responses(meeting.id, signal), [meeting.id, meeting.syncState]);
  const missing = state.data ? notAccepted(state.data) : [];
  return (
    <section className={layout.section} aria-labelledby="meeting-responses">
      <Subtitle1 as="h2" id="meeting-responses">
        {t("responses.title")}
      </Subtitle1>
      <ErrorBar error={state.error} />
      {!state.data && !state.error && <Loading />}
      {state.data && (
        <>
          <Text role="status">
            {missing.length === 0 ? t("responses.allAccepted") : t("responses.notAccepted", { names: missing.map((r) => names.get(r.personId) ?? "—").join(", ") })}
          </Text>
          <Table aria-labelledby="meeting-responses" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("field.person")}</TableHeaderCell>
                <TableHeaderCell>{t("responses.answer")}</TableHeaderCell>
                <TableHeaderCell>{t("responses.at")}</TableHeaderCell>
                <TableHeaderCell>{t("responses.secrecy")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.data.map((r) => (
                <TableRow key={r.personId}>
                  <TableCell>{names.get(r.personId) ?? "—"}</TableCell>
                  <TableCell>{t(`response.${r.response}`, { defaultValue: r.response })}</TableCell>
                  <TableCell>{formatDateTime(r.respondedAt, i18n.language)}</TableCell>
                  <TableCell>{r.secrecyAcknowledged ? t("responses.yes") : t("responses.no")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
