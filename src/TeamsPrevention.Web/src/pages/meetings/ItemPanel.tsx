import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { Organisation, Person } from "../../api/directory";
import { OrganisationSelect } from "../../components/OrganisationSelect";
import { ErrorBar, Loading, NotBuiltYet } from "../../components/Page";
import { errorOtherThanWarning } from "../../components/personalData";
import { PersonalDataBar, useFieldNotice } from "../../components/PersonalDataWarning";
import { formatDate, formatDateTime, toDateInput } from "../../components/format";
import { useApi } from "../../components/useApi";
import { ApiError } from "../../api/client";
import { attendanceChoices, isMissingRoute, refusedEntries, toMinutesInput, validateMinutes, type MinutesDraft, type MinutesErrors } from "./logic";
import { mayRecord, meetingsApi, type AgendaItemView, type MeetingView, type MinutesView } from "./types";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  action: { display: "grid", gridTemplateColumns: "2fr 1.5fr 1fr auto", gap: tokens.spacingHorizontalS, alignItems: "end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** One visible agenda item: attendance, its decision minutes, and the police feedback form. */
export function ItemPanel({
  me,
  meeting,
  item,
  names,
  onChanged,
}: {
  me: Person;
  meeting: MeetingView;
  item: AgendaItemView;
  names: Map<string, string>;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const minutes = useApi(
    (signal) => (item.present ? meetingsApi.minutes(meeting.id, item.id, signal) : Promise.resolve(undefined)),
    [meeting.id, item.id, item.present, item.hasMinutes],
  );
  return (
    <div className={styles.panel}>
      {mayRecord(me) && <Attendance meeting={meeting} item={item} names={names} present={minutes.data?.present} onChanged={onChanged} />}
      <Minutes me={me} meeting={meeting} item={item} state={minutes} onSaved={onChanged} />
      {meeting.kind === "Case" && <PoliceFeedbackForm meeting={meeting} item={item} />}
    </div>
  );
}

function Attendance({
  meeting,
  item,
  names,
  present,
  onChanged,
}: {
  meeting: MeetingView;
  item: AgendaItemView;
  names: Map<string, string>;
  present?: string[];
  onChanged: () => void;
}) {
  const { t } = useTranslation("meetings");
  const styles = useStyles();
  const [chosen, setChosen] = useState<string[]>(present ?? []);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setChosen(present ?? []), [present]);

  const [sent, setSent] = useState<string[]>([]);
  const choices = attendanceChoices(meeting.attendeeIds, item.mayAttend, present);

  const save = async () => {
    setFailure(undefined);
    setSaved(false);
    setSent(chosen);
    try {
      await meetingsApi.attendance(meeting.id, item.id, chosen);
      setSaved(true);
      onChanged();
    } catch (e) {
      setFailure(e);
    }
  };

  const refused = failure instanceof ApiError ? refusedEntries(sent, failure.errors) : [];
  return (
    <div className={styles.block}>
      <Subtitle2 as="h4">{t("attendance.title")}</Subtitle2>
      <Text size={200}>{t("attendance.onlyWithAccess")}</Text>
      <ErrorBar error={failure} />
      {refused.length > 0 && (
        <ul className={styles.list} role="alert">
          {refused.map((r) => (
            <li key={r.id}>
              {names.get(r.id) ?? "—"} — {r.reason}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.checks} role="group" aria-label={t("attendance.title")}>
        {choices.map((id) => (
          <Checkbox
            key={id}
            label={names.get(id) ?? "—"}
            checked={chosen.includes(id)}
            onChange={(_, d) => setChosen(d.checked ? [...chosen, id] : chosen.filter((c) => c !== id))}
          />
        ))}
      </div>
      <div>
        <Button onClick={() => void save()}>{t("attendance.save")}</Button>
      </div>
      {saved && <Text role="status">{t("attendance.saved")}</Text>}
    </div>
  );
}

const emptyDraft: MinutesDraft = { decision: "", consensus: "", nextReview: "", actions: [] };

function Minutes({
  me,
  meeting,
  item,
  state,
  onSaved,
}: {
  me: Person;
  meeting: MeetingView;
  item: AgendaItemView;
  state: { data: MinutesView | undefined; error: unknown; loading: boolean; reload: () => void };
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation("meetings");
  const styles = useStyles();
  const organisations = useApi((signal) => meetingsApi.organisations(signal), []);
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? "—";

  if (!item.present) {
    return (
      <div className={styles.block}>
        <Subtitle2 as="h4">{t("minutes.title")}</Subtitle2>
        <Text>{t("minutes.notPresent")}</Text>
      </div>
    );
  }
  const m = state.data;
  return (
    <div className={styles.block}>
      <Subtitle2 as="h4">{t("minutes.title")}</Subtitle2>
      <ErrorBar error={state.error} />
      {!m && !state.error && <Loading />}
      {m && m.minutesAt && (
        <div className={styles.block}>
          <Text>{t("minutes.recordedOn", { at: formatDateTime(m.minutesAt, i18n.language) })}</Text>
          <Text>
            <Text weight="semibold">{t("minutes.decision")} : </Text>
            {m.decision ?? "—"}
          </Text>
          <Text>
            <Text weight="semibold">{t("minutes.consensus")} : </Text>
            {m.consensus === null ? t("minutes.consensusUnknown") : m.consensus ? t("minutes.consensusYes") : t("minutes.consensusNo")}
          </Text>
          <Text>
            <Text weight="semibold">{t("minutes.nextReview")} : </Text>
            {formatDate(m.nextReviewAt, i18n.language)}
          </Text>
          {m.actions.length > 0 && (
            <ul className={styles.list} aria-label={t("minutes.actions")}>
              {m.actions.map((a) => (
                <li key={a.id}>{t("minutes.actionLine", { description: a.description, owner: orgName(a.ownerOrganisationId), due: formatDate(a.dueDate, i18n.language) })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {m && mayRecord(me) && meeting.status === "Scheduled" && (
        <MinutesForm meeting={meeting} item={item} organisations={organisations.data ?? []} existing={m} onSaved={() => { state.reload(); onSaved(); }} />
      )}
    </div>
  );
}

function MinutesForm({
  meeting,
  item,
  organisations,
  existing,
  onSaved,
}: {
  meeting: MeetingView;
  item: AgendaItemView;
  organisations: Organisation[];
  existing: MinutesView;
  onSaved: () => void;
}) {
  const { t } = useTranslation("meetings");
  const styles = useStyles();
  const [draft, setDraft] = useState<MinutesDraft>({
    ...emptyDraft,
    decision: existing.decision ?? "",
    consensus: existing.consensus === null ? "" : existing.consensus ? "yes" : "no",
  });
  const [errors, setErrors] = useState<MinutesErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const notice = useFieldNotice(failure);

  /** `confirmed`: "Enregistrer quand même" after the App's personal-data warning. */
  const save = async (confirmed = false) => {
    const found = validateMinutes(draft, toDateInput(new Date()));
    setErrors(found);
    setFailure(undefined);
    setSaved(false);
    if (Object.keys(found).length) {
      return;
    }
    try {
      await meetingsApi.saveMinutes(meeting.id, item.id, { ...toMinutesInput(draft), ...(confirmed ? { personalDataConfirmed: true } : {}) });
      setDraft({ ...draft, actions: [] });
      setSaved(true);
      onSaved();
    } catch (e) {
      setFailure(e);
    }
  };

  const setAction = (index: number, change: Partial<MinutesDraft["actions"][number]>) =>
    setDraft({ ...draft, actions: draft.actions.map((a, i) => (i === index ? { ...a, ...change } : a)) });

  return (
    <form
      className={styles.block}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorBar error={errorOtherThanWarning(failure)} />
      <Field
        label={t("minutes.decision")}
        hint={t("minutes.decisionHint")}
        {...(errors.decision ? { validationMessage: t(errors.decision), validationState: "error" as const } : notice("decision"))}
      >
        <Textarea value={draft.decision} onChange={(_, d) => setDraft({ ...draft, decision: d.value })} resize="vertical" />
      </Field>
      <Field label={t("minutes.consensus")}>
        <RadioGroup layout="horizontal" value={draft.consensus} onChange={(_, d) => setDraft({ ...draft, consensus: d.value as MinutesDraft["consensus"] })}>
          <Radio value="yes" label={t("minutes.consensusYes")} />
          <Radio value="no" label={t("minutes.consensusNo")} />
          <Radio value="" label={t("minutes.consensusUnknown")} />
        </RadioGroup>
      </Field>
      <Field
        label={t("minutes.nextReview")}
        hint={t("minutes.nextReviewHint")}
        validationMessage={errors.nextReview && t(errors.nextReview)}
        validationState={errors.nextReview ? "error" : "none"}
      >
        <Input type="date" value={draft.nextReview} onChange={(_, d) => setDraft({ ...draft, nextReview: d.value })} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("minutes.newActions")}</legend>
        <div className={styles.block}>
          {draft.actions.map((a, i) => (
            <div key={i} className={styles.action} role="group" aria-label={t("minutes.actionN", { n: i + 1 })}>
              <Field label={t("minutes.actionDescription")} {...notice(`actions[${i}].description`)}>
                <Input value={a.description} onChange={(_, d) => setAction(i, { description: d.value })} />
              </Field>
              <Field label={t("minutes.actionOwner")}>
                <OrganisationSelect organisations={organisations} value={a.ownerOrganisationId}
                  onChange={(id) => setAction(i, { ownerOrganisationId: id })} choose={t("minutes.choose")} />
              </Field>
              <Field label={t("minutes.actionDue")}>
                <Input type="date" value={a.dueDate} onChange={(_, d) => setAction(i, { dueDate: d.value })} />
              </Field>
              <Button onClick={() => setDraft({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}>{t("minutes.removeAction")}</Button>
            </div>
          ))}
          <div>
            <Button onClick={() => setDraft({ ...draft, actions: [...draft.actions, { description: "", ownerOrganisationId: "", dueDate: "" }] })}>
              {t("minutes.addAction")}
            </Button>
          </div>
          {errors.actions && (
            <Text role="alert" className={styles.error}>
              {t(errors.actions)}
            </Text>
          )}
        </div>
      </fieldset>
      <PersonalDataBar error={failure} onConfirm={() => void save(true)} onCorrect={() => setFailure(undefined)} />
      <div>
        <Button appearance="primary" type="submit">
          {t("minutes.save")}
        </Button>
      </div>
      {saved && <Text role="status">{t("minutes.saved")}</Text>}
    </form>
  );
}

function PoliceFeedbackForm({ meeting, item }: { meeting: MeetingView; item: AgendaItemView }) {
  const { t, i18n } = useTranslation("meetings");
  const styles = useStyles();
  const state = useApi((signal) => meetingsApi.policeFeedback(meeting.id, item.id, signal), [meeting.id, item.id, item.hasMinutes]);
  const [text, setText] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const feedback = state.data;
  const value = text ?? feedback?.text ?? "";

  const save = async () => {
    setFailure(undefined);
    setSaved(false);
    try {
      await meetingsApi.savePoliceFeedback(meeting.id, item.id, { text: value, nothingUnderSecrecy: confirmed, version: feedback?.version ?? null });
      setSaved(true);
      setConfirmed(false);
      setText(undefined);
      state.reload();
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <div className={styles.block}>
      <Subtitle2 as="h4">{t("police.title")}</Subtitle2>
      {isMissingRoute(state.error) ? (
        <NotBuiltYet what={t("police.title")} />
      ) : (
        <>
          <ErrorBar error={state.error} />
          <ErrorBar error={failure} />
          {!feedback && !state.error && <Loading />}
          {feedback && !feedback.consensusRecorded && (
            <MessageBar intent="info">
              <MessageBarBody>{t("police.needsConsensus")}</MessageBarBody>
            </MessageBar>
          )}
          {feedback && feedback.savedAt && <Text>{t("police.savedOn", { at: formatDateTime(feedback.savedAt, i18n.language) })}</Text>}
          {feedback && !feedback.canWrite && <Text>{feedback.text ?? t("police.none")}</Text>}
          {feedback && feedback.canWrite && feedback.consensusRecorded && (
            <form
              className={styles.block}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <Field label={t("police.text")} hint={t("police.textHint")}>
                <Textarea value={value} onChange={(_, d) => setText(d.value)} resize="vertical" rows={5} />
              </Field>
              <Checkbox checked={confirmed} onChange={(_, d) => setConfirmed(!!d.checked)} label={t("police.confirm")} />
              <div>
                <Button appearance="primary" type="submit" disabled={!confirmed || !value.trim()}>
                  {t("police.save")}
                </Button>
              </div>
              {saved && <Text role="status">{t("police.saved")}</Text>}
            </form>
          )}
        </>
      )}
    </div>
  );
}

