import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
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
import { ErrorBar, Loading, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";
import { Confirm } from "../../components/Confirm";
import { AnswerBadge, DeliveryBadge, SeverityBadge } from "./AlertBadges";
import { deadlineState, progressOf, stillMoving } from "./logic";
import { alertsApi, answers, isTracking, type AlertTracking, type RecipientAlertView } from "./types";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  message: { whiteSpace: "pre-wrap", padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

/** Live polling period of the tracking view. */
export const trackingPollMs = 2_000;

/** One alert: live per-recipient tracking for whoever follows it; the message and my answer for a recipient. */
export function AlertPage({ params }: PageProps) {
  const { t } = useTranslation("alerts");
  const [moving, setMoving] = useState(true);
  const state = useApi(
    async (signal) => {
      const view = await alertsApi.get(params.id, signal);
      setMoving(isTracking(view) ? stillMoving(view) : false);
      return view;
    },
    [params.id],
    moving ? trackingPollMs : undefined,
  );
  const view = state.data;
  return (
    <Page title={view ? t("page.title", { reference: view.reference }) : t("title")}>
      <ErrorBar error={state.error} />
      {!view && !state.error && <Loading />}
      {view && isTracking(view) && <Tracking alert={view} reload={state.reload} />}
      {view && !isTracking(view) && <RecipientView alert={view} reload={state.reload} />}
    </Page>
  );
}

function Facts({ alert, sender }: { alert: AlertTracking | RecipientAlertView; sender?: string }) {
  const { t, i18n } = useTranslation("alerts");
  const styles = useStyles();
  const due = deadlineState(alert.deadline);
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}>{t("field.severity")}</dt>
      <dd className={styles.detail}>
        <SeverityBadge severity={alert.severity} />
      </dd>
      <dt className={styles.term}>{t("field.category")}</dt>
      <dd className={styles.detail}>{t(`category.${alert.category}`)}</dd>
      <dt className={styles.term}>{t("field.situationCode")}</dt>
      <dd className={styles.detail}>{alert.situationCode ?? "—"}</dd>
      {sender && (
        <>
          <dt className={styles.term}>{t("field.sender")}</dt>
          <dd className={styles.detail}>{sender}</dd>
        </>
      )}
      {"createdAt" in alert && (
        <>
          <dt className={styles.term}>{t("field.sentAt")}</dt>
          <dd className={styles.detail}>{formatDateTime(alert.createdAt, i18n.language)}</dd>
        </>
      )}
      <dt className={styles.term}>{t("field.deadline")}</dt>
      <dd className={styles.detail}>
        {formatDateTime(alert.deadline, i18n.language)}
        {due !== "later" && !alert.withdrawnAt && <Text weight="semibold"> — {t(`deadlineState.${due}`)}</Text>}
      </dd>
    </dl>
  );
}

function Tracking({ alert, reload }: { alert: AlertTracking; reload: () => void }) {
  const { t, i18n } = useTranslation("alerts");
  const styles = useStyles();
  const lang = i18n.language;
  const p = progressOf(alert.counts);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const withdraw = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await alertsApi.withdraw(alert.id);
      reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const answeredText = t("progress.answered", { answered: p.answered, recipients: p.recipients });
  const deliveredText = t("progress.delivered", { delivered: p.delivered, cards: p.cards });

  return (
    <>
      <ErrorBar error={failure} />
      {alert.withdrawnAt && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("page.withdrawn", { at: formatDateTime(alert.withdrawnAt, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      <Facts alert={alert} sender={alert.senderOrganisation} />
      {alert.restricted ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("page.restricted")}</MessageBarBody>
        </MessageBar>
      ) : (
        <Body1 className={styles.message}>{alert.message}</Body1>
      )}

      <section className={styles.section} aria-labelledby="alert-progress">
        <Subtitle1 as="h2" id="alert-progress">
          {t("page.progress")}
        </Subtitle1>
        <Field label={answeredText} validationMessage={p.done ? t("state.complete") : undefined} validationState={p.done ? "success" : "none"}>
          <ProgressBar value={p.answeredRatio} thickness="large" color={p.done ? "success" : "brand"} aria-label={answeredText} data-testid="answer-progress" />
        </Field>
        <Field label={deliveredText}>
          <ProgressBar value={p.deliveredRatio} color={p.failed > 0 ? "error" : "brand"} aria-label={deliveredText} />
        </Field>
        <Text role="status" aria-live="polite" data-testid="alert-counts">
          {t("progress.counts", { ...alert.counts })}
        </Text>
        <div className={styles.row}>
          <Button onClick={() => void alertsApi.exportCsv(alert.id, alert.reference, lang).catch(setFailure)}>{t("page.export")}</Button>
          {!alert.withdrawnAt && !confirming && (
            <Button disabled={busy} onClick={() => setConfirming(true)}>
              {t("page.withdraw")}
            </Button>
          )}
        </div>
        {confirming && !alert.withdrawnAt && (
          <Confirm
            title={t("page.withdrawTitle")}
            body={t("page.withdrawBody")}
            confirm={t("page.confirmWithdraw")}
            keep={t("page.keep")}
            onConfirm={() => {
              setConfirming(false);
              void withdraw();
            }}
            onKeep={() => setConfirming(false)}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby="alert-recipients">
        <Subtitle1 as="h2" id="alert-recipients">
          {t("page.recipients")}
        </Subtitle1>
        <Table aria-labelledby="alert-recipients" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("field.recipient")}</TableHeaderCell>
              <TableHeaderCell>{t("field.chosenAs")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answer")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answeredAt")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answeredBy")}</TableHeaderCell>
              <TableHeaderCell>{t("field.escalation")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {alert.recipients.map((r) => (
              <TableRow key={r.id} data-recipient={r.name}>
                <TableCell>
                  {r.name}
                  {r.kind === "Organisation" && <Text size={200}> ({t("kind.Organisation")})</Text>}
                </TableCell>
                <TableCell>{t(`chosenAs.${r.chosenAs}`)}</TableCell>
                <TableCell>
                  <AnswerBadge answer={r.answer} />
                </TableCell>
                <TableCell>{formatDateTime(r.answeredAt, lang)}</TableCell>
                <TableCell>{r.kind === "Organisation" ? (r.answeredBy ?? "—") : "—"}</TableCell>
                <TableCell>
                  {r.escalationLevel === 0
                    ? "—"
                    : t(`escalation.level${Math.min(r.escalationLevel, 2)}`) + (r.escalatedTo.length ? ` : ${r.escalatedTo.join(", ")}` : "")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section className={styles.section} aria-labelledby="alert-deliveries">
        <Subtitle1 as="h2" id="alert-deliveries">
          {t("page.deliveries")}
        </Subtitle1>
        <Table aria-labelledby="alert-deliveries" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("field.person")}</TableHeaderCell>
              <TableHeaderCell>{t("field.reason")}</TableHeaderCell>
              <TableHeaderCell>{t("field.status")}</TableHeaderCell>
              <TableHeaderCell>{t("field.deliveredAt")}</TableHeaderCell>
              <TableHeaderCell>{t("field.attempts")}</TableHeaderCell>
              <TableHeaderCell>{t("field.failure")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {alert.deliveries.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{d.person}</TableCell>
                <TableCell>{t(`chosenAs.${d.reason}`)}</TableCell>
                <TableCell>
                  <DeliveryBadge status={d.status} />
                </TableCell>
                <TableCell>{formatDateTime(d.sentAt, lang)}</TableCell>
                <TableCell>{d.attempts}</TableCell>
                <TableCell>{d.failureReason ?? "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}

function RecipientView({ alert, reload }: { alert: RecipientAlertView; reload: () => void }) {
  const { t, i18n } = useTranslation("alerts");
  const styles = useStyles();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const answer = async (value: (typeof answers)[number]) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await alertsApi.answer(alert.id, value);
      reload();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorBar error={failure} />
      {alert.withdrawnAt && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("page.withdrawn", { at: formatDateTime(alert.withdrawnAt, i18n.language) })}</MessageBarBody>
        </MessageBar>
      )}
      <Facts alert={alert} />
      <Body1 className={styles.message}>{alert.message}</Body1>
      <section className={styles.section} aria-labelledby="alert-my-answer">
        <Subtitle1 as="h2" id="alert-my-answer">
          {t("page.myAnswer")}
        </Subtitle1>
        {alert.myAnswer ? (
          <Text>
            <AnswerBadge answer={alert.myAnswer} /> {t("page.answeredOn", { at: formatDateTime(alert.answeredAt, i18n.language) })}
          </Text>
        ) : alert.withdrawnAt ? (
          <Text>{t("page.noAnswerWithdrawn")}</Text>
        ) : (
          <div className={styles.row}>
            {answers.map((a) => (
              <Button key={a} disabled={busy} appearance={a === "Acknowledged" ? "primary" : "secondary"} onClick={() => void answer(a)}>
                {t(`answerAction.${a}`)}
              </Button>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
