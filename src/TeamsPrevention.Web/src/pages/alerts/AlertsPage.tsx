import { useTranslation } from "react-i18next";
import {
  Button,
  Link,
  makeStyles,
  ProgressBar,
  Subtitle1,
  Subtitle2,
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
import { href, navigate } from "../../shell/router";
import type { PageProps } from "../../shell/types";
import { SeverityBadge } from "./AlertBadges";
import { answeredReceived, answererOf, progressOf } from "./logic";
import { alertsApi, followsAll, mayCompose, type ReceivedAlert } from "./types";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: "140px" },
});

/** Alerts awaiting my answer, and the alerts I follow (those I sent; all of them for the Chair and Coordinators), live. */
export function AlertsPage({ me }: PageProps) {
  const { t, i18n } = useTranslation("alerts");
  const styles = useStyles();
  const pending = useApi((signal) => alertsApi.pending(signal), [], 10_000);
  const followed = useApi((signal) => alertsApi.list(signal), [], 5_000);
  const lang = i18n.language;

  return (
    <Page
      title={t("title")}
      actions={
        mayCompose(me) && (
          <Button appearance="primary" onClick={() => navigate("/alerts/new")}>
            {t("list.compose")}
          </Button>
        )
      }
    >
      <section className={styles.section} aria-labelledby="alerts-received">
        <Subtitle1 as="h2" id="alerts-received">
          {t("list.received")}
        </Subtitle1>
        <Subtitle2 as="h3" id="alerts-pending">
          {t("list.pending")}
        </Subtitle2>
        <ErrorBar error={pending.error} />
        {pending.data === undefined && !pending.error && <Loading />}
        {pending.data?.length === 0 && <Text>{t("list.nonePending")}</Text>}
        {!!pending.data?.length && (
          <Table aria-labelledby="alerts-pending" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("field.reference")}</TableHeaderCell>
                <TableHeaderCell>{t("field.severity")}</TableHeaderCell>
                <TableHeaderCell>{t("field.category")}</TableHeaderCell>
                <TableHeaderCell>{t("field.situationCode")}</TableHeaderCell>
                <TableHeaderCell>{t("field.deadline")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pending.data.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link href={href("/alerts", a.id)}>{a.reference}</Link>
                  </TableCell>
                  <TableCell>
                    <SeverityBadge severity={a.severity} />
                  </TableCell>
                  <TableCell>{t(`category.${a.category}`)}</TableCell>
                  <TableCell>{a.situationCode ?? "—"}</TableCell>
                  <TableCell>{formatDateTime(a.deadline, lang)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <AnsweredReceived />
      </section>

      <section className={styles.section} aria-labelledby="alerts-followed">
        <Subtitle1 as="h2" id="alerts-followed">
          {followsAll(me) ? t("list.followedAll") : t("list.followed")}
        </Subtitle1>
        <ErrorBar error={followed.error} />
        {followed.data === undefined && !followed.error && <Loading />}
        {followed.data?.length === 0 && <Text>{t("list.noneFollowed")}</Text>}
        {!!followed.data?.length && (
          <Table aria-labelledby="alerts-followed" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("field.reference")}</TableHeaderCell>
                <TableHeaderCell>{t("field.severity")}</TableHeaderCell>
                <TableHeaderCell>{t("field.category")}</TableHeaderCell>
                <TableHeaderCell>{t("field.sentAt")}</TableHeaderCell>
                <TableHeaderCell>{t("field.deadline")}</TableHeaderCell>
                <TableHeaderCell>{t("field.answers")}</TableHeaderCell>
                <TableHeaderCell>{t("field.state")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {followed.data.map((a) => {
                const p = progressOf(a.counts);
                return (
                  <TableRow key={a.id}>
                    <TableCell>
                      <Link href={href("/alerts", a.id)}>{a.reference}</Link>
                    </TableCell>
                    <TableCell>
                      <SeverityBadge severity={a.severity} />
                    </TableCell>
                    <TableCell>{t(`category.${a.category}`)}</TableCell>
                    <TableCell>{formatDateTime(a.createdAt, lang)}</TableCell>
                    <TableCell>{formatDateTime(a.deadline, lang)}</TableCell>
                    <TableCell>
                      <div className={styles.progress}>
                        <Text size={200}>{t("progress.answered", { answered: p.answered, recipients: p.recipients })}</Text>
                        <ProgressBar value={p.answeredRatio} thickness="large" aria-label={t("progress.answered", { answered: p.answered, recipients: p.recipients })} />
                      </div>
                    </TableCell>
                    <TableCell>
                      {a.withdrawnAt
                        ? t("state.withdrawn")
                        : p.failed > 0
                          ? t("state.failed", { count: p.failed })
                          : p.done
                            ? t("state.complete")
                            : t("state.open")}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
    </Page>
  );
}

/** The received alerts already answered (by me, a colleague for my organisation, or elsewhere once escalated) or withdrawn. */
function AnsweredReceived() {
  const { t, i18n } = useTranslation("alerts");
  const received = useApi((signal) => alertsApi.received(signal), [], 15_000);
  const answered = received.data ? answeredReceived(received.data) : undefined;
  const lang = i18n.language;
  const who = (a: ReceivedAlert) => {
    const label = answererOf(a);
    switch (label.kind) {
      case "me":
        return t("received.byMe");
      case "named":
      case "organisation":
        return label.name;
      default:
        return "—";
    }
  };

  return (
    <>
      <Subtitle2 as="h3" id="alerts-answered">
        {t("list.answered")}
      </Subtitle2>
      <ErrorBar error={received.error} />
      {received.data === undefined && !received.error && <Loading />}
      {answered?.length === 0 && <Text>{t("list.noneAnswered")}</Text>}
      {!!answered?.length && (
        <Table aria-labelledby="alerts-answered" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("field.reference")}</TableHeaderCell>
              <TableHeaderCell>{t("field.severity")}</TableHeaderCell>
              <TableHeaderCell>{t("field.sender")}</TableHeaderCell>
              <TableHeaderCell>{t("field.sentAt")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answer")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answeredBy")}</TableHeaderCell>
              <TableHeaderCell>{t("field.answeredAt")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {answered.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <Link href={href("/alerts", a.id)}>{a.reference}</Link>
                </TableCell>
                <TableCell>
                  <SeverityBadge severity={a.severity} />
                </TableCell>
                <TableCell>{a.senderOrganisation}</TableCell>
                <TableCell>{formatDateTime(a.createdAt, lang)}</TableCell>
                <TableCell>{a.answer ? t(`answer.${a.answer}`) : a.withdrawnAt ? t("state.withdrawn") : "—"}</TableCell>
                <TableCell>{a.answer ? who(a) : "—"}</TableCell>
                <TableCell>{formatDateTime(a.answeredAt, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
