import { describe, expect, it } from "vitest";
import i18n, { languageFor, languages } from "./i18n";

// Every language's texts, read here directly (the app bundles French only and fetches the others when chosen).
const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });
const resources: Record<string, Record<string, unknown>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, language, ns] = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path)!;
  (resources[language] ??= {})[ns] = module.default;
}

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("i18n", () => {
  it("defaults to French and maps Belgian locales to their language", () => {
    expect(languageFor("nl-BE")).toBe("nl");
    expect(languageFor("de-BE")).toBe("de");
    expect(languageFor("en-GB")).toBe("en");
    expect(languageFor("es-ES")).toBe("fr");
    expect(languageFor(undefined)).toBe("fr");
  });

  it("has every namespace and every key in the four languages", () => {
    const namespaces = Object.keys(resources.fr).sort();
    expect(namespaces).toContain("common");
    for (const language of languages) {
      expect(Object.keys(resources[language] ?? {}).sort()).toEqual(namespaces);
      for (const ns of namespaces) {
        expect(keys(resources[language][ns]).sort(), `${language}/${ns}`).toEqual(keys(resources.fr[ns]).sort());
      }
    }
  });

  it("bundles French and fetches another language's texts when it is chosen", async () => {
    expect(i18n.hasResourceBundle("nl", "common")).toBe(false);
    await i18n.changeLanguage("nl");
    expect(i18n.t("loading")).toBe((resources.nl.common as Record<string, string>).loading);
    expect(i18n.t("loading")).not.toBe((resources.fr.common as Record<string, string>).loading);
    await i18n.changeLanguage("fr");
  });
});
