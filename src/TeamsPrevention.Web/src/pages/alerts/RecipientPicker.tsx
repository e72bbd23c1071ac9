import { useMemo, type Dispatch } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Person, Role } from "../../api/directory";
import { CheckList } from "../../components/CheckList";
import { choiceCount, type RecipientSelection, type SelectionAction } from "./logic";
import type { Organisation } from "../../api/directory";

const useStyles = makeStyles({
  picker: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(240px, 1fr))", gap: tokens.spacingHorizontalL },
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  error: { color: tokens.colorPaletteRedForeground1 },
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
  const count = choiceCount(selection);

  return (
    <fieldset className={styles.fieldset} aria-describedby="recipients-hint">
      <legend className={styles.legend}>{t("compose.recipients")}</legend>
      <Text id="recipients-hint" size={200} block>
        {t("compose.recipientsHint")}
      </Text>
      <div className={styles.picker}>
        <CheckList
          label={t("compose.organisations")}
          options={organisations}
          selected={selection.organisations}
          onChange={(values) => dispatch({ type: "set", kind: "organisations", values })}
          filterLabel={t("compose.search")}
          emptyText={t("compose.noMatch")}
        />
        <CheckList
          label={t("compose.people")}
          options={people}
          selected={selection.people}
          onChange={(values) => dispatch({ type: "set", kind: "people", values })}
          filterLabel={t("compose.search")}
          emptyText={t("compose.noMatch")}
        />
        <CheckList
          label={t("compose.roles")}
          options={roles}
          selected={selection.roles}
          onChange={(values) => dispatch({ type: "set", kind: "roles", values: values as Role[] })}
          emptyText={t("compose.noMatch")}
        />
      </div>
      <Checkbox
        checked={selection.needToKnow}
        disabled={!situationCode.trim()}
        onChange={(_, d) => dispatch({ type: "needToKnow", value: !!d.checked })}
        label={situationCode.trim() ? t("compose.needToKnowFor", { code: situationCode.trim() }) : t("compose.needToKnowNoCode")}
      />
      <Text size={200} aria-live="polite">
        {t("compose.chosenCount", { count })}
      </Text>
      {error && (
        <Text role="alert" className={styles.error} block>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
