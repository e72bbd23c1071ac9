import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Person } from "../../api/directory";
import { ErrorBar } from "../../components/Page";
import { CheckList } from "../../components/CheckList";
import { toMeetingInput, validateSchedule, type ScheduleErrors, type ScheduleForm } from "./logic";
import { kinds, subjects, type MeetingInput, type MeetingKind } from "./types";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "760px" },
  times: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", gap: tokens.spacingHorizontalL },
  actions: { display: "flex", gap: tokens.spacingHorizontalM },
  attendees: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export const emptyScheduleForm: ScheduleForm = { kind: "", start: "", end: "", occurrences: "", attendeeIds: [] };

/** Scheduling or rescheduling: kind (fixed when rescheduling), Brussels times, recurrence for the platform, attendees. */
export function MeetingForm({
  me,
  people,
  initial,
  kindFixed,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  me: Person;
  people: Person[];
  initial: ScheduleForm;
  kindFixed?: boolean;
  submitLabel: string;
  onSubmit: (input: MeetingInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("meetings");
  const styles = useStyles();
  const [form, setForm] = useState<ScheduleForm>(initial);
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const options = useMemo(() => people.filter((p) => p.active && p.id !== me.id), [people, me.id]);
  const attendees = form.attendeeIds.filter((id) => id !== me.id);

  const submit = async () => {
    const found = validateSchedule(form);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) {
      return;
    }
    setBusy(true);
    try {
      await onSubmit(toMeetingInput(form));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const err = (key: keyof ScheduleErrors) => (errors[key] ? t(errors[key]!) : undefined);
  const state = (key: keyof ScheduleErrors) => (errors[key] ? "error" : "none") as "error" | "none";

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorBar error={failure} />
      <Field label={t("field.kind")} required validationMessage={err("kind")} validationState={state("kind")}>
        <RadioGroup value={form.kind} disabled={kindFixed} onChange={(_, d) => setForm({ ...form, kind: d.value as MeetingKind })}>
          {kinds.map((k) => (
            <Radio key={k} value={k} label={`${t(`kind.${k}`)} — ${t(`kindHint.${k}`)}`} />
          ))}
        </RadioGroup>
      </Field>
      {form.kind && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t("form.subject")} <Text weight="semibold">« {subjects[form.kind]} »</Text>. {t("form.subjectHint")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.times}>
        <Field label={t("form.start")} required hint={t("form.brussels")} validationMessage={err("start")} validationState={state("start")}>
          <Input type="datetime-local" value={form.start} onChange={(_, d) => setForm({ ...form, start: d.value })} />
        </Field>
        <Field label={t("form.end")} required hint={t("form.brussels")} validationMessage={err("end")} validationState={state("end")}>
          <Input type="datetime-local" value={form.end} onChange={(_, d) => setForm({ ...form, end: d.value })} />
        </Field>
      </div>
      {form.kind === "Platform" && (
        <Field
          label={t("form.occurrences")}
          hint={t("form.occurrencesHint")}
          validationMessage={err("occurrences")}
          validationState={state("occurrences")}
        >
          <Input type="number" min={1} max={60} value={form.occurrences} onChange={(_, d) => setForm({ ...form, occurrences: d.value })} />
        </Field>
      )}
      <div className={styles.attendees}>
        <CheckList
          label={t("form.attendees")}
          options={options.map((p) => ({ value: p.id, text: p.displayName }))}
          selected={attendees}
          onChange={(values) => setForm({ ...form, attendeeIds: values })}
          filterLabel={t("form.search")}
          emptyText={t("form.noMatch")}
        />
        <Text size={200}>{t("form.attendeesHint")}</Text>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            {t("form.back")}
          </Button>
        )}
      </div>
    </form>
  );
}
