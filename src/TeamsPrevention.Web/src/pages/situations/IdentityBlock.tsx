import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { situationsApi, type IdentityFieldView } from "../../api/situations";
import { Block } from "../../components/Block";
import { fieldError, isFormLevel } from "../../components/forms";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar } from "../../components/Page";
import { useAction } from "../../components/useAction";
import { identityInput } from "./forms";
import { IdentityInputs } from "./IdentityInputs";
import { identityShown } from "./rules";

/**
 * The person's identity: masked as the API sends it until "Révéler" with a written reason (audited). Revealed values
 * live in this component's state only — never the address, the title or any storage — and are masked again when the
 * page is left, hidden, or "Masquer" is pressed. The referent (the API's EditIdentity) may complete or change it.
 */
export function IdentityBlock({ code, fields, mayReveal, mayEdit, reload }: {
  code: string;
  fields: IdentityFieldView[];
  mayReveal: boolean;
  mayEdit: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation("situations");
  const layout = useLayoutStyles();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(reload);
  const [revealed, setRevealed] = useState<Record<string, string | null> | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const hide = () => document.visibilityState === "hidden" && setRevealed(null);
    document.addEventListener("visibilitychange", hide);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      setRevealed(null);
    };
  }, []);

  const reveal = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const values = await situationsApi.reveal(code, reason.trim());
      setRevealed(Object.fromEntries(values.map((v) => [v.key, v.value])));
      setReason("");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const shown = identityShown(fields, revealed).filter((f) => f.present);
  return (
    <Block id="identity" title={t("identity.title")}>
      {shown.length === 0 ? (
        <Text>{t("identity.empty")}</Text>
      ) : (
        <dl className={layout.facts} data-identity={revealed ? "revealed" : "masked"}>
          {shown.map((f) => (
            <div key={f.key} style={{ display: "contents" }}>
              <dt className={layout.term}>{t(`identity.fields.${f.key}`, { defaultValue: f.key })}</dt>
              <dd>{f.revealed ? f.value : "••••••"}</dd>
            </div>
          ))}
        </dl>
      )}
      {revealed ? (
        <div>
          <Button onClick={() => setRevealed(null)}>{t("identity.mask")}</Button>
        </div>
      ) : (
        mayReveal && shown.length > 0 && (
          <form className={layout.form} onSubmit={(e) => void reveal(e)} aria-label={t("identity.reveal")}>
            <Field label={t("identity.reason")} required hint={t("identity.reasonHint")} validationMessage={fieldError(error, "reason")}>
              <Input value={reason} onChange={(_, v) => setReason(v.value)} />
            </Field>
            {isFormLevel(error) && <ErrorBar error={error} />}
            <div>
              <Button type="submit" disabled={busy}>
                {t("identity.reveal")}
              </Button>
            </div>
          </form>
        )
      )}
      {mayEdit && (
        <div>
          <Button appearance="subtle" aria-expanded={editing} onClick={() => { setEditing((e) => !e); setSaved(false); }}>
            {t("identityForm.edit")}
          </Button>
        </div>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t("identityForm.saved")}</MessageBarBody>
        </MessageBar>
      )}
      {mayEdit && editing && (
        <form
          className={layout.form}
          aria-label={t("identityForm.edit")}
          onSubmit={(e) => {
            e.preventDefault();
            const filled = identityInput(values);
            if (filled) {
              void save.run(() => situationsApi.setIdentity(code, filled), () => { setValues({}); setEditing(false); setSaved(true); });
            }
          }}
        >
          <Text>{t("identityForm.editHint")}</Text>
          <IdentityInputs id="identity-edit" values={values} onChange={setValues} error={save.error} />
          {isFormLevel(save.error) && <ErrorBar error={save.error} />}
          <div>
            <Button type="submit" disabled={save.busy}>
              {t("identityForm.save")}
            </Button>
          </div>
        </form>
      )}
    </Block>
  );
}
