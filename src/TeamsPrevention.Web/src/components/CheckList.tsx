import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Checkbox, Input, makeStyles, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  list: {
    display: "flex",
    flexDirection: "column",
    maxHeight: "200px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
  },
});

/**
 * A labelled list of checkboxes with a filter: a multiple choice that works with a keyboard, a screen reader and
 * Playwright alike (each option is a native checkbox named by its label).
 */
export function CheckList({
  label,
  options,
  selected,
  onChange,
  filterLabel,
  emptyText,
}: {
  label: string;
  /** An option the person may not change is shown as it is, disabled. */
  options: { value: string; text: string; disabled?: boolean }[];
  selected: string[];
  onChange: (values: string[]) => void;
  /** Shown (with a filter field) when the list is long. */
  filterLabel?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation("common");
  const styles = useStyles();
  const id = useId();
  const [query, setQuery] = useState("");
  const needle = query.trim().toLocaleLowerCase();
  const shown = options.filter((o) => selected.includes(o.value) || o.text.toLocaleLowerCase().includes(needle));
  return (
    <div className={styles.group} role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} className={styles.label}>
        {label}
      </Text>
      {filterLabel && options.length > 6 && (
        <Input aria-label={filterLabel} placeholder={filterLabel} value={query} onChange={(_, d) => setQuery(d.value)} size="small" type="search" />
      )}
      <div className={styles.list}>
        {shown.map((o) => (
          <Checkbox
            key={o.value}
            label={o.text}
            checked={selected.includes(o.value)}
            disabled={o.disabled}
            onChange={(_, d) => onChange(d.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))}
          />
        ))}
        {shown.length === 0 && <Text size={200}>{emptyText ?? t("loading")}</Text>}
      </div>
    </div>
  );
}
