import { Select } from "@fluentui/react-components";
import type { Organisation } from "../api/directory";

/**
 * A native select of organisations (reliable with keyboards, screen readers and Teams' webviews), with a first
 * "choose" entry for none. Put it in a Field for its label and its error.
 */
export function OrganisationSelect({ organisations, value, onChange, choose, disabled }: {
  organisations: Pick<Organisation, "id" | "name">[];
  value: string;
  onChange: (id: string) => void;
  /** The empty entry's text. */
  choose: string;
  disabled?: boolean;
}) {
  return (
    <Select value={value} disabled={disabled} onChange={(_, d) => onChange(d.value)}>
      <option value="">{choose}</option>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}
