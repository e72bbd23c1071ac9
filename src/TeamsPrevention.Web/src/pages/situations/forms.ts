import type { AlertIndicator, SignalInput } from "../../api/situations";

/** The indicator's label in the reader's language (French when unknown). */
export function indicatorLabel(indicator: AlertIndicator, language: string): string {
  const lang = language.slice(0, 2) as "fr" | "nl" | "de" | "en";
  return indicator[lang] || indicator.fr;
}

/** The body of `POST /api/situations`: the ticked indicators in checklist order, each with its evidence. */
export function signalInput(source: string | null, date: string, chosen: Record<string, string>, text: string): SignalInput {
  return {
    sourceOrganisationId: source || null,
    signalDate: date || null,
    indicators: Object.entries(chosen).map(([key, evidence]) => ({ key, evidence: evidence.trim() })),
    text: text.trim() || null,
  };
}
