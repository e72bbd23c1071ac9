import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { directoryApi, type Person } from "../../api/directory";
import { situationsApi, type SituationSummary } from "../../api/situations";
import { ErrorBar, Loading } from "../../components/Page";
import { toDateInput } from "../../components/format";
import { useApi } from "../../components/useApi";
import { href } from "../../shell/router";
import { Block } from "../../components/Block";
import { fieldError } from "../../components/forms";
import { errorOtherThanWarning } from "../../components/personalData";
import { PersonalDataBar, useFieldNotice } from "../../components/PersonalDataWarning";
import { IdentityInputs } from "./IdentityInputs";
import { indicatorLabel, signalInput } from "./forms";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "720px" },
  indicators: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  evidence: { marginLeft: tokens.spacingHorizontalXXL },
});

/**
 * "Signaler une situation": source organisation, date, the city's indicators (each with what was seen or heard), free
 * text and the person's identity in its protected fields (sealed by the App, masked until revealed). Nothing is
 * mandatory for a partner; the App fills the defaults and answers with the new code. Free text that looks personal is
 * answered with a warning under the fields: "Enregistrer quand même" or "Corriger".
 */
export function SignalForm({ me, onCreated }: { me: Person; onCreated: (created: SituationSummary) => void }) {
  const { t, i18n } = useTranslation("situations");
  const styles = useStyles();
  const organisations = useApi((s) => directoryApi.organisations(s), []);
  const checklist = useApi((s) => situationsApi.indicators(s), []);
  const [source, setSource] = useState<string>(me.organisationId);
  const [date, setDate] = useState(toDateInput(new Date()));
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [text, setText] = useState("");
  const [identity, setIdentity] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<SituationSummary>();

  const notice = useFieldNotice(error);

  const submit = async (confirmed: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await situationsApi.report(signalInput(source, date, chosen, text, identity, confirmed));
      setCreated(result);
      setChosen({});
      setText("");
      setIdentity({});
      onCreated(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const sourceName = organisations.data?.find((o) => o.id === source)?.name ?? "";
  return (
    <Block id="signal" title={t("signal.title")} error={organisations.error ?? checklist.error}>
      {created && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("signal.created")} <Link href={href("/situations", created.code)}>{created.code}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {organisations.loading || checklist.loading ? (
        <Loading />
      ) : (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            void submit(false);
          }}
          aria-label={t("signal.title")}
        >
          <Field label={t("signal.source")} validationMessage={fieldError(error, "sourceOrganisationId")}>
            <Dropdown
              value={sourceName}
              selectedOptions={[source]}
              onOptionSelect={(_, d) => d.optionValue && setSource(d.optionValue)}
            >
              {(organisations.data ?? []).map((o) => (
                <Option key={o.id} value={o.id}>
                  {o.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t("signal.date")} validationMessage={fieldError(error, "signalDate")}>
            <Input type="date" value={date} max={toDateInput(new Date())} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <fieldset className={styles.indicators}>
            <legend>{t("signal.indicators")}</legend>
            {checklist.data?.isExampleToReplace && (
              <MessageBar intent="info">
                <MessageBarBody>{t("signal.exampleList")}</MessageBarBody>
              </MessageBar>
            )}
            {(checklist.data?.indicators ?? []).map((ind) => {
              const label = indicatorLabel(ind, i18n.language);
              const on = ind.key in chosen;
              return (
                <div key={ind.key}>
                  <Checkbox
                    label={label}
                    checked={on}
                    onChange={(_, d) =>
                      setChosen((c) => {
                        const next = { ...c };
                        if (d.checked) {
                          next[ind.key] = "";
                        } else {
                          delete next[ind.key];
                        }
                        return next;
                      })
                    }
                  />
                  {on && (
                    <Field
                      className={styles.evidence}
                      label={t("signal.evidence", { indicator: label })}
                      {...notice(`indicators[${Object.keys(chosen).indexOf(ind.key)}].evidence`)}
                    >
                      <Textarea value={chosen[ind.key]} onChange={(_, d) => setChosen((c) => ({ ...c, [ind.key]: d.value }))} />
                    </Field>
                  )}
                </div>
              );
            })}
          </fieldset>
          <Field label={t("signal.text")} hint={t("signal.textHint")} {...notice("text")}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
          </Field>
          <IdentityInputs id="signal-identity" values={identity} onChange={setIdentity} error={error} />
          <PersonalDataBar
            error={error}
            busy={busy}
            identityTarget="signal-identity"
            onConfirm={() => void submit(true)}
            onCorrect={() => setError(undefined)}
          />
          <ErrorBar error={errorOtherThanWarning(error)} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t("signal.submit")}
            </Button>
          </div>
        </form>
      )}
    </Block>
  );
}
