import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { errorOtherThanWarning, kindsIn, personalDataWarning } from "./personalData";

const warning = (extensions: Record<string, unknown>, status = 422) =>
  new ApiError(status, "Le texte semble contenir des données personnelles.", undefined, { text: ["Semble contenir : un nom."] }, extensions);

describe("personalDataWarning", () => {
  it("reads the kinds per field of a 422, in the App's order, dropping unknown kinds", () => {
    const found = personalDataWarning(
      warning({ personalData: { text: ["phone", "name", "shoeSize"], "indicators[0].evidence": ["birthDate"], notes: ["x"] }, identityFields: true }),
    );
    expect(found).toEqual({ fields: { text: ["name", "phone"], "indicators[0].evidence": ["birthDate"] }, identityFields: true });
  });

  it("is not a warning for another status, no personalData, or nothing known", () => {
    expect(personalDataWarning(warning({ personalData: { text: ["name"] } }, 400))).toBeNull();
    expect(personalDataWarning(warning({}))).toBeNull();
    expect(personalDataWarning(warning({ personalData: { text: ["shoeSize"] } }))).toBeNull();
    expect(personalDataWarning(new Error("network"))).toBeNull();
    expect(personalDataWarning(undefined)).toBeNull();
  });

  it("finds a field's kinds whatever its case, and none for a field not flagged", () => {
    const found = personalDataWarning(warning({ personalData: { description: ["name"] } }));
    expect(kindsIn(found, "Description")).toEqual(["name"]);
    expect(kindsIn(found, "notes")).toEqual([]);
    expect(kindsIn(null, "description")).toEqual([]);
  });

  it("keeps every other error for the error bar", () => {
    const other = new ApiError(409, "Conflit");
    expect(errorOtherThanWarning(other)).toBe(other);
    expect(errorOtherThanWarning(warning({ personalData: { text: ["name"] } }))).toBeUndefined();
  });
});
