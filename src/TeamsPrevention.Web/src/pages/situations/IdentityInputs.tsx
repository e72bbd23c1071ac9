import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Field, Input, makeStyles, Text, Textarea, tokens } from "@fluentui/react-components";
import { fieldError } from "../../components/forms";
import { identityFields } from "./forms";

const useStyles = makeStyles({
  set: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0, padding: tokens.spacingHorizontalM },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", gap: tokens.spacingHorizontalM },
});

/**
 * The protected identity fields (sealed by the App, masked until someone on the list reveals them with a reason):
 * names, birth date, address, school, nationality; the other tagged fields (beliefs, health, offences, social
 * situation) behind "Autres données protégées". All optional. The values live in the form's state only.
 */
export function IdentityInputs({ id, values, onChange, error }: {
  id: string;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  error: unknown;
}) {
  const { t } = useTranslation("situations");
  const styles = useStyles();
  const [more, setMore] = useState(false);
  const field = (f: (typeof identityFields)[number]) => {
    const set = (value: string) => onChange({ ...values, [f.key]: value });
    const value = values[f.key] ?? "";
    return (
      <Field key={f.key} label={t(`identity.fields.${f.key}`)} validationMessage={fieldError(error, `identity.${f.key}`)}>
        {f.input === "multiline" ? (
          <Textarea value={value} onChange={(_, d) => set(d.value)} autoComplete="off" />
        ) : (
          <Input type={f.input} value={value} onChange={(_, d) => set(d.value)} autoComplete="off" />
        )}
      </Field>
    );
  };
  return (
    <fieldset id={id} className={styles.set} data-identity-inputs="">
      <legend>{t("identityForm.legend")}</legend>
      <Text size={200}>{t("identityForm.hint")}</Text>
      <div className={styles.grid}>{identityFields.filter((f) => f.category === "Identity").map(field)}</div>
      <div>
        <Button size="small" appearance="subtle" aria-expanded={more} onClick={() => setMore((m) => !m)}>
          {t("identityForm.more")}
        </Button>
      </div>
      {more && <div className={styles.grid}>{identityFields.filter((f) => f.category !== "Identity").map(field)}</div>}
    </fieldset>
  );
}
