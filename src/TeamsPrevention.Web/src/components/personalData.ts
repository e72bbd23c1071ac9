import { ApiError } from "../api/client";

/** What the App's 422 names (PersonalDataKinds.cs): kinds only, never the text that matched. */
export type PersonalDataKind = "name" | "birthDate" | "address" | "phone" | "email" | "nationalNumber";

const kindOrder: PersonalDataKind[] = ["name", "birthDate", "address", "phone", "email", "nationalNumber"];

/** A personal-data warning: per field (`text`, `indicators[0].evidence`…), the kinds it seems to hold. */
export interface PersonalDataWarning {
  fields: Record<string, PersonalDataKind[]>;
  /** The form has protected identity fields to point to (a signal). */
  identityFields: boolean;
}

/**
 * The warning in an API error: a 422 whose problem document carries `personalData`. Unknown kinds are dropped, the
 * others kept in the App's order; anything else (another error, a malformed body) is not a warning.
 */
export function personalDataWarning(error: unknown): PersonalDataWarning | null {
  if (!(error instanceof ApiError) || error.status !== 422) {
    return null;
  }
  const raw = error.extensions.personalData;
  if (!raw || typeof raw !== "object") {
    return null;
  }
  const fields: Record<string, PersonalDataKind[]> = {};
  for (const [field, kinds] of Object.entries(raw as Record<string, unknown>)) {
    const known = Array.isArray(kinds) ? kindOrder.filter((k) => kinds.includes(k)) : [];
    if (known.length > 0) {
      fields[field] = known;
    }
  }
  return Object.keys(fields).length > 0 ? { fields, identityFields: error.extensions.identityFields === true } : null;
}

/** The kinds found in `field` (case-insensitive, as the App's field names are camelCase), none when not flagged. */
export function kindsIn(warning: PersonalDataWarning | null, field: string): PersonalDataKind[] {
  if (!warning) {
    return [];
  }
  const name = field.toLowerCase();
  return Object.entries(warning.fields).find(([k]) => k.toLowerCase() === name)?.[1] ?? [];
}

/** The error as a form should show it: a personal-data warning is not an error bar, everything else is. */
export function errorOtherThanWarning(error: unknown): unknown {
  return personalDataWarning(error) ? undefined : error;
}
