import i18n, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";

/** The product's languages, French first (then Dutch, German, English). */
export const languages = ["fr", "nl", "de", "en"] as const;
export type Language = (typeof languages)[number];

/** Each language in its own words (language pickers). */
export const languageNames: Record<Language, string> = { fr: "Français", nl: "Nederlands", de: "Deutsch", en: "English" };

/**
 * `src/locales/{lang}/{namespace}.json`. Each page has its own namespace (its file), so pages are translated side by
 * side without touching each other's texts. French (the default) is bundled; the other languages are chunks of their
 * own, fetched when a person switches to them (i18next waits for them before changing the language).
 */
const french = import.meta.glob<{ default: Record<string, unknown> }>("../locales/fr/*.json", { eager: true });
const others = import.meta.glob<{ default: Record<string, unknown> }>(["../locales/*/*.json", "!../locales/fr/*.json"]);

function namespaceOf(path: string): string | undefined {
  return /locales\/[a-z]{2}\/([\w-]+)\.json$/.exec(path)?.[1];
}

export const resources: Record<string, Record<string, Record<string, unknown>>> = { fr: {} };
for (const [path, module] of Object.entries(french)) {
  const ns = namespaceOf(path);
  if (ns) {
    resources.fr[ns] = module.default;
  }
}

const lazyLanguages: BackendModule = {
  type: "backend",
  init: () => undefined,
  read(language, namespace, callback) {
    const load = others[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (m) => callback(null, m.default as never),
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), null),
    );
  },
};

/** The product language for a BCP 47 tag (Teams' locale, the browser's): its first two letters if known, else French. */
export function languageFor(tag: string | null | undefined): Language {
  const primary = (tag ?? "").slice(0, 2).toLowerCase();
  return (languages as readonly string[]).includes(primary) ? (primary as Language) : "fr";
}

void i18n.use(lazyLanguages).use(initReactI18next).init({
  resources,
  partialBundledLanguages: true,
  lng: "fr",
  fallbackLng: "fr",
  supportedLngs: [...languages],
  defaultNS: "common",
  ns: Object.keys(resources.fr),
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
