import { describe, expect, it } from "vitest";
import { languageFor, languages, resources } from "./i18n";

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
});
