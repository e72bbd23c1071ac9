import type { AlertIndicator, FieldCategory, SignalInput } from "../../api/situations";

/** The indicator's label in the reader's language (French when unknown). */
export function indicatorLabel(indicator: AlertIndicator, language: string): string {
  const lang = language.slice(0, 2) as "fr" | "nl" | "de" | "en";
  return indicator[lang] || indicator.fr;
}

/**
 * The sealed fields the API accepts (IdentityField.cs, same keys and tags): identity first, the other tagged fields
 * (special category, offences, social) after. All optional; sent in `identity`, sealed at rest, masked until revealed.
 */
export const identityFields: { key: string; category: FieldCategory; input: "text" | "date" | "multiline" }[] = [
  { key: "firstName", category: "Identity", input: "text" },
  { key: "lastName", category: "Identity", input: "text" },
  { key: "birthDate", category: "Identity", input: "date" },
  { key: "address", category: "Identity", input: "text" },
  { key: "school", category: "Identity", input: "text" },
  { key: "nationality", category: "Identity", input: "text" },
  { key: "beliefs", category: "SpecialCategory", input: "multiline" },
  { key: "health", category: "SpecialCategory", input: "multiline" },
  { key: "offences", category: "Offence", input: "multiline" },
  { key: "socialSituation", category: "Social", input: "multiline" },
];

/** The identity fields filled in (trimmed), for `identity`; none when nothing was typed. */
export function identityInput(values: Record<string, string>): Record<string, string> | undefined {
  const filled = identityFields
    .map((f) => [f.key, (values[f.key] ?? "").trim()] as const)
    .filter(([, value]) => value.length > 0);
  return filled.length > 0 ? Object.fromEntries(filled) : undefined;
}

/**
 * The body of `POST /api/situations`: the ticked indicators in checklist order, each with its evidence; the identity
 * fields filled in; `personalDataConfirmed` once the writer chose "Enregistrer quand même" after the App's warning.
 */
export function signalInput(
  source: string | null,
  date: string,
  chosen: Record<string, string>,
  text: string,
  identity: Record<string, string> = {},
  personalDataConfirmed = false,
): SignalInput {
  const sealed = identityInput(identity);
  return {
    sourceOrganisationId: source || null,
    signalDate: date || null,
    indicators: Object.entries(chosen).map(([key, evidence]) => ({ key, evidence: evidence.trim() })),
    text: text.trim() || null,
    ...(sealed ? { identity: sealed } : {}),
    ...(personalDataConfirmed ? { personalDataConfirmed: true } : {}),
  };
}
