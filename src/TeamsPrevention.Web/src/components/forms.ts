import { ApiError } from "../api/client";

/**
 * The first message the App wrote for `field` in a ValidationProblem (`errors`), if any; a list's field also takes
 * its items' messages (`roles` → `roles[2]`).
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.errors) {
    return undefined;
  }
  const name = field.toLowerCase();
  const entry = Object.entries(error.errors).find(([k]) => k.toLowerCase() === name || k.toLowerCase().startsWith(`${name}[`));
  return entry?.[1]?.[0];
}

/** An error that is not about one field (a refusal, a conflict, the network): shown as a bar above the buttons. */
export function isFormLevel(error: unknown): boolean {
  return !!error && !(error instanceof ApiError && error.errors);
}

/** A date input's value (`2026-12-01`) as the end of that day in Brussels-ish terms (noon UTC avoids day shifts). */
export function dateToInstant(value: string): string | null {
  return value ? new Date(`${value}T12:00:00Z`).toISOString() : null;
}
