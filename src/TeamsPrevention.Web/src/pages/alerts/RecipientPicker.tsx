import { useMemo, useState, type Dispatch } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox, Combobox, Field, makeStyles, Option, Tag, TagGroup, Text, tokens } from "@fluentui/react-components";
import type { Person, Role } from "../../api/directory";
import type { RecipientKind, RecipientSelection, SelectionAction } from "./logic";
import type { Organisation } from "./types";

const useStyles = makeStyles({
  picker: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", gap: tokens.spacingHorizontalL },
  tags: { flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface PickerChoices {
  people: Person[];
  organisations: Organisation[];
  roles: Role[];
}

/**
 * Recipients as people, organisations (any of their contacts answers for it), roles, and — once a situation code is
 * given — that situation's need-to-know list (resolved by the API, never shown here).
 */
export function RecipientPicker({
  me,
  choices,
  selection,
  dispatch,
  situationCode,
  error,
}: {
  me: Person;
  choices: PickerChoices;
  selection: RecipientSelection;
  dispatch: Dispatch<SelectionAction>;
  situationCode: string;
  error?: string;
}) {
  const { t } = useTranslation("alerts");
  const styles = useStyles();

  const people = useMemo(
    () => choices.people.filter((p) => p.active && p.id !== me.id).map((p) => ({ value: p.id, text: p.displayName })),
    [choices.people, me.id],
  );
  const organisations = useMemo(() => choices.organisations.map((o) => ({ value: o.id, text: o.name })), [choices.organisations]);
  const roles = useMemo(() => choices.roles.map((r) => ({ value: r, text: t(`role.${r}`) })), [choices.roles, t]);

  return (
    <Field label={t("compose.recipients")} validationMessage={error} validationState={error ? "error" : "none"} hint={t("compose.recipientsHint")}>
      <div className={styles.picker}>
        <KindPicker kind="people" label={t("compose.people")} options={people} selected={selection.people} dispatch={dispatch} />
        <KindPicker kind="organisations" label={t("compose.organisations")} options={organisations} selected={selection.organisations} dispatch={dispatch} />
        <KindPicker kind="roles" label={t("compose.roles")} options={roles} selected={selection.roles} dispatch={dispatch} />
      </div>
      <Checkbox
        checked={selection.needToKnow}
        disabled={!situationCode.trim()}
        onChange={(_, d) => dispatch({ type: "needToKnow", value: !!d.checked })}
        label={situationCode.trim() ? t("compose.needToKnowFor", { code: situationCode.trim() }) : t("compose.needToKnowNoCode")}
      />
    </Field>
  );
}

function KindPicker({
  kind,
  label,
  options,
  selected,
  dispatch,
}: {
  kind: RecipientKind;
  label: string;
  options: { value: string; text: string }[];
  selected: string[];
  dispatch: Dispatch<SelectionAction>;
}) {
  const { t } = useTranslation("alerts");
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o.text])), [options]);
  const shown = options.filter((o) => o.text.toLocaleLowerCase().includes(query.trim().toLocaleLowerCase()));
  const id = `picker-${kind}`;

  return (
    <Field label={label}>
      <Combobox
        multiselect
        freeform
        id={id}
        placeholder={t("compose.search")}
        value={query}
        selectedOptions={selected}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, d) => {
          dispatch({ type: "set", kind, values: d.selectedOptions });
          setQuery("");
        }}
        onOpenChange={(_, d) => !d.open && setQuery("")}
      >
        {shown.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
        {shown.length === 0 && (
          <Option disabled value="">
            {t("compose.noMatch")}
          </Option>
        )}
      </Combobox>
      {selected.length > 0 ? (
        <TagGroup
          className={styles.tags}
          aria-label={t("compose.chosen", { what: label })}
          onDismiss={(_, d) => dispatch({ type: "remove", kind, value: String(d.value) })}
        >
          {selected.map((v) => (
            <Tag key={v} value={v} size="small" dismissible dismissIcon={{ "aria-label": t("compose.remove", { name: byValue.get(v) ?? v }) }}>
              {byValue.get(v) ?? v}
            </Tag>
          ))}
        </TagGroup>
      ) : (
        <Text size={200}>{t("compose.noneChosen")}</Text>
      )}
    </Field>
  );
}
