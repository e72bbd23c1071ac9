import { ApiError } from "../../api/client";
import type { AlertIndicator, SignalInput } from "../../api/situations";

/** The first message the App wrote for `field` in a ValidationProblem (`errors`), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.errors) {
    return undefined;
  }
  const entry = Object.entries(error.errors).find(([k]) => k.toLowerCase() === field.toLowerCase());
  return entry?.[1]?.[0];
}

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

/** A date input's value (`2026-12-01`) as the end of that day in Brussels-ish terms (noon UTC avoids day shifts). */
export function dateToInstant(value: string): string | null {
  return value ? new Date(`${value}T12:00:00Z`).toISOString() : null;
}
