import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { alertsApi, type AlertAnswer, type PendingAlert } from "../../api/alerts";
import { meetingsApi } from "../../api/meetings";
import { situationsApi } from "../../api/situations";
import { ErrorBar, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import { href } from "../../shell/router";
import type { PageProps } from "../../shell/types";
import { SituationTable } from "../situations/SituationTable";
import { byUrgency, isOverdue } from "../situations/rules";
import { Block } from "../../components/Block";
import { answeredShare, liveAlerts, nextMeetings } from "./progress";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))", gap: tokens.spacingVerticalL },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** How often the answers to the alerts I follow are fetched again (live progress without reloading). */
export const alertPollMs = 5_000;

/** How often alerts waiting for my answer are fetched again (a new alert shows up without reloading). */
export const pendingPollMs = 30_000;

/** The day's start: my situations, the alerts waiting for my answer, the alerts I follow, my next meetings. */
export function DashboardPage(_: PageProps) {
  const { t, i18n } = useTranslation("dashboard");
  const styles = useStyles();
  const situations = useApi((s) => situationsApi.list(s), []);
  const pending = useApi((s) => alertsApi.pending(s), [], pendingPollMs);
  const followed = useApi((s) => alertsApi.followed(s), [], alertPollMs);
  const meetings = useApi((s) => meetingsApi.list(s), []);

  // Kept at the block's level: the answered alert leaves the list on reload, the confirmation stays.
  const [answered, setAnswered] = useState<{ reference: string; answer: AlertAnswer }>();
  const sorted = useMemo(() => [...(situations.data ?? [])].sort(byUrgency), [situations.data]);
  const overdue = useMemo(() => sorted.filter(isOverdue).length, [sorted]);

  return (
    <Page title={t("title")}>
      <div className={styles.grid}>
        <Block
          id="my-situations"
          title={t("situations.title")}
          loading={situations.loading && !situations.data}
          error={situations.error}
          empty={sorted.length === 0}
          emptyText={t("situations.empty")}
        >
          <Text>{t("situations.count", { count: sorted.length, overdue })}</Text>
          <SituationTable situations={sorted} pageSize={10} label={t("situations.title")} />
        </Block>

        <Block
          id="pending-alerts"
          title={t("pending.title")}
          loading={pending.loading && !pending.data}
          error={pending.error}
          empty={(pending.data ?? []).length === 0}
          emptyText={t("pending.empty")}
          actions={
            answered && (
              <MessageBar intent="success">
                <MessageBarBody>{t("pending.answered", { reference: answered.reference, answer: t(`answer.${answered.answer}`) })}</MessageBarBody>
              </MessageBar>
            )
          }
        >
          <ul className={styles.list}>
            {(pending.data ?? []).map((a) => (
              <PendingAlertItem
                key={a.id}
                alert={a}
                onAnswered={(answer) => {
                  setAnswered({ reference: a.reference, answer });
                  pending.reload();
                }}
              />
            ))}
          </ul>
        </Block>

        <Block
          id="followed-alerts"
          title={t("followed.title")}
          loading={followed.loading && !followed.data}
          error={followed.error}
          empty={(followed.data ?? []).length === 0}
          emptyText={t("followed.empty")}
        >
          <ul className={styles.list}>
            {liveAlerts(followed.data ?? [], 5).map((a) => (
              <li key={a.id} className={styles.item} data-alert={a.reference}>
                <Link href={href("/alerts", a.id)}>{t("followed.reference", { reference: a.reference })}</Link>
                <Field
                  label={t("followed.progress", { answered: a.counts.answered, recipients: a.counts.recipients })}
                  validationMessage={a.withdrawnAt ? t("followed.withdrawn") : undefined}
                  validationState={a.withdrawnAt ? "warning" : "none"}
                >
                  <ProgressBar value={answeredShare(a.counts)} max={1} thickness="large" />
                </Field>
              </li>
            ))}
          </ul>
        </Block>

        <Block
          id="next-meetings"
          title={t("meetings.title")}
          loading={meetings.loading && !meetings.data}
          error={meetings.error}
          empty={nextMeetings(meetings.data ?? [], new Date(), 5).length === 0}
          emptyText={t("meetings.empty")}
        >
          <ul className={styles.list}>
            {nextMeetings(meetings.data ?? [], new Date(), 5).map((m) => (
              <li key={m.id} className={styles.item}>
                <Link href={href("/meetings", m.id)}>
                  {t(`meetings.kind.${m.kind}`)} — {formatDateTime(m.startAt, i18n.language)}
                </Link>
              </li>
            ))}
          </ul>
        </Block>
      </div>
    </Page>
  );
}

const answers: AlertAnswer[] = ["Acknowledged", "NeedMoreInformation", "NotConcerned"];

function PendingAlertItem({ alert, onAnswered }: { alert: PendingAlert; onAnswered: (answer: AlertAnswer) => void }) {
  const { t, i18n } = useTranslation("dashboard");
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const answer = async (value: AlertAnswer) => {
    setBusy(true);
    setError(undefined);
    try {
      await alertsApi.answer(alert.id, value);
      onAnswered(value);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={styles.item} data-alert={alert.reference}>
      <Text weight="semibold">
        {t("pending.reference", { reference: alert.reference })}{" "}
        <Badge appearance="tint" color={alert.severity === "Urgent" ? "danger" : alert.severity === "Elevated" ? "warning" : "informative"}>
          {t(`severity.${alert.severity}`)}
        </Badge>
      </Text>
      <Text>{alert.message}</Text>
      <Text size={200}>
        {t("pending.deadline", { deadline: formatDateTime(alert.deadline, i18n.language) })}
        {alert.situationCode && (
          <>
            {" · "}
            <Link href={href("/situations", alert.situationCode)}>{alert.situationCode}</Link>
          </>
        )}
      </Text>
      <div className={styles.buttons} role="group" aria-label={t("pending.answerGroup", { reference: alert.reference })}>
        {answers.map((a) => (
          <Button key={a} size="small" appearance={a === "Acknowledged" ? "primary" : "secondary"} disabled={busy} onClick={() => void answer(a)}>
            {t(`answerAction.${a}`)}
          </Button>
        ))}
      </div>
      <ErrorBar error={error} />
    </li>
  );
}
