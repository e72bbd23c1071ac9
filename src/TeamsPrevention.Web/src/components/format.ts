/** Dates and times as the reader reads them, always on Brussels time, in the page's language. */
const locales: Record<string, string> = { fr: "fr-BE", nl: "nl-BE", de: "de-BE", en: "en-GB" };
export const timeZone = "Europe/Brussels";

export function localeFor(language: string): string {
  return locales[language.slice(0, 2)] ?? "fr-BE";
}

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) {
    return "—";
  }
  return new Intl.DateTimeFormat(localeFor(language), { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date(value));
}

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) {
    return "—";
  }
  return new Intl.DateTimeFormat(localeFor(language), {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(value));
}

/** A date-only value (`2026-12-01`) for an `<input type="date">`, in Brussels. */
export function toDateInput(value: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(value);
  return parts;
}

/** Id → display name, for tables that receive ids. */
export function nameIndex<T extends { id: string }>(items: T[] | undefined, name: (item: T) => string): Map<string, string> {
  return new Map((items ?? []).map((i) => [i.id, name(i)]));
}
