import { useReducer, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { directoryApi } from "../../api/directory";
import { situationsApi } from "../../api/situations";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { formatDateTime } from "../../components/format";
import { errorOtherThanWarning } from "../../components/personalData";
import { PersonalDataBar, useFieldNotice } from "../../components/PersonalDataWarning";
import { useApi } from "../../components/useApi";
import { navigate } from "../../shell/router";
import type { PageProps } from "../../shell/types";
import { emptySelection, previewFor, selectionReducer, toRequest, validateCompose, type ComposeErrors } from "./logic";
import { RecipientPicker } from "./RecipientPicker";
import { alertsApi, categories, maxMessageLength, mayCompose, severities, type AlertCategory, type AlertSeverity } from "./types";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "900px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalM },
});

/** Writing an alert: recipients, severity (its answer deadline), category, situation code, message. */
export function AlertComposePage({ me }: PageProps) {
  const { t } = useTranslation("alerts");
  if (!mayCompose(me)) {
    return (
      <Page title={t("compose.title")}>
        <NotAllowed />
      </Page>
    );
  }
  return <ComposeForm me={me} />;
}

function NotAllowed() {
  const { t } = useTranslation("alerts");
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("compose.forbiddenTitle")}</MessageBarTitle>
        {t("compose.forbidden")}
      </MessageBarBody>
    </MessageBar>
  );
}

function UrgentReminder({ urgent }: { urgent: boolean }) {
  const { t } = useTranslation("alerts");
  return (
    <MessageBar intent={urgent ? "error" : "warning"} aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{t("compose.emergencyTitle")}</MessageBarTitle>
        {t("compose.emergency")}
      </MessageBarBody>
    </MessageBar>
  );
}

/** "Réponse attendue au plus tard le …" for the chosen severity, from the App's calendar, on Brussels time. */
function DeadlinePreviewText({ severity }: { severity: AlertSeverity | "" }) {
  const { t, i18n } = useTranslation("alerts");
  const preview = useApi(
    (signal) => (severity === "" ? Promise.resolve(undefined) : alertsApi.deadlinePreview(severity, signal)),
    [severity],
    60_000,
  );
  const dueAt = previewFor(severity, preview.data);
  return (
    <Text aria-live="polite" data-testid="deadline-preview">
      {dueAt ? t("compose.deadlinePreview", { at: formatDateTime(dueAt, i18n.language) }) : ""}
    </Text>
  );
}

function ComposeForm({ me }: { me: PageProps["me"] }) {
  const { t } = useTranslation("alerts");
  const styles = useStyles();
  const [severity, setSeverity] = useState<AlertSeverity | "">("");
  const [category, setCategory] = useState<AlertCategory | "">("");
  const [situationCode, setSituationCode] = useState("");
  const [message, setMessage] = useState("");
  const [selection, dispatch] = useReducer(selectionReducer, emptySelection);
  const [errors, setErrors] = useState<ComposeErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const choices = useApi(
    async (signal) => {
      const [people, organisations, roles, situations] = await Promise.all([
        directoryApi.people(signal),
        directoryApi.organisations(signal),
        directoryApi.roles(signal),
        situationsApi.list(signal).catch(() => []),
      ]);
      return { people, organisations, roles, codes: situations.map((s) => s.code) };
    },
    [],
  );

  const form = { severity, category, situationCode, message, selection };
  const notice = useFieldNotice(failure);

  /** `confirmed`: "Enregistrer quand même" after the App's personal-data warning on the message. */
  const send = async (confirmed = false) => {
    const found = validateCompose(form);
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) {
      return;
    }
    setSending(true);
    try {
      const created = await alertsApi.create({ ...toRequest(form), ...(confirmed ? { personalDataConfirmed: true } : {}) });
      navigate(`/alerts/${created.id}`);
    } catch (e) {
      setFailure(e);
      setSending(false);
    }
  };

  const err = (key: keyof ComposeErrors) => (errors[key] ? t(errors[key]!) : undefined);
  const state = (key: keyof ComposeErrors) => (errors[key] ? "error" : "none") as "error" | "none";

  return (
    <Page title={t("compose.title")}>
      <UrgentReminder urgent={severity === "Urgent"} />
      {failure instanceof ApiError && failure.status === 403 ? <NotAllowed /> : <ErrorBar error={errorOtherThanWarning(failure)} />}
      {choices.error ? <ErrorBar error={choices.error} /> : null}
      {!choices.data && !choices.error && <Loading />}
      {choices.data && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <RecipientPicker
            me={me}
            choices={choices.data}
            selection={selection}
            dispatch={dispatch}
            situationCode={situationCode}
            error={err("recipients")}
          />

          <Field label={t("field.severity")} required validationMessage={err("severity")} validationState={state("severity")}>
            <RadioGroup value={severity} onChange={(_, d) => setSeverity(d.value as AlertSeverity)}>
              {severities.map((s) => (
                <Radio key={s} value={s} label={`${t(`severity.${s}`)} — ${t(`deadlineRule.${s}`)}`} />
              ))}
            </RadioGroup>
          </Field>
          <DeadlinePreviewText severity={severity} />
          <MessageBar intent="info">
            <MessageBarBody>{t("compose.deadlineComputed")}</MessageBarBody>
          </MessageBar>

          <Field label={t("field.category")} required validationMessage={err("category")} validationState={state("category")}>
            <Select value={category} onChange={(_, d) => setCategory(d.value as AlertCategory | "")}>
              <option value="">{t("compose.choose")}</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </Select>
          </Field>

          <Field
            label={t("field.situationCode")}
            hint={t("compose.situationHint")}
            validationMessage={err("situationCode")}
            validationState={state("situationCode")}
          >
            <Input
              value={situationCode}
              list="situation-codes"
              autoComplete="off"
              onChange={(_, d) => setSituationCode(d.value.toUpperCase())}
              placeholder={t("compose.situationPlaceholder")}
            />
          </Field>

          <Field
            label={t("field.message")}
            required
            hint={t("compose.messageHint", { count: message.length, max: maxMessageLength })}
            {...(errors.message ? { validationMessage: err("message"), validationState: state("message") } : notice("message"))}
          >
            <Textarea value={message} onChange={(_, d) => setMessage(d.value)} resize="vertical" rows={6} />
          </Field>
          <PersonalDataBar error={failure} busy={sending} onConfirm={() => void send(true)} onCorrect={() => setFailure(undefined)} />

          <datalist id="situation-codes">
            {choices.data.codes.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>

          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={sending}>
              {sending ? t("compose.sending") : t("compose.send")}
            </Button>
            <Button type="button" onClick={() => navigate("/alerts")}>
              {t("compose.cancel")}
            </Button>
          </div>
        </form>
      )}
    </Page>
  );
}
