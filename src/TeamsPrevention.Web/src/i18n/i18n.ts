import i18n from "i18next";
import { initReactI18next } from "react-i18next";

/** The product's languages, French first (then Dutch, German, English). */
export const languages = ["fr", "nl", "de", "en"] as const;
export type Language = (typeof languages)[number];

/**
 * Every `src/locales/{lang}/{namespace}.json` file, bundled. Each page has its own namespace (its file), so pages are
 * translated side by side without touching each other's texts.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });

export const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
  if (match) {
    (resources[match[1]] ??= {})[match[2]] = module.default;
  }
}

/** The product language for a BCP 47 tag (Teams' locale, the browser's): its first two letters if known, else French. */
export function languageFor(tag: string | null | undefined): Language {
  const primary = (tag ?? "").slice(0, 2).toLowerCase();
  return (languages as readonly string[]).includes(primary) ? (primary as Language) : "fr";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: "fr",
  fallbackLng: "fr",
  supportedLngs: [...languages],
  defaultNS: "common",
  ns: Object.keys(resources.fr ?? { common: {} }),
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

export default i18n;
