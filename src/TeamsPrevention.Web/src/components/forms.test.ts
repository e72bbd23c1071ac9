import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { dateToInstant, fieldError, isFormLevel } from "./forms";

describe("form errors", () => {
  const invalid = new ApiError(400, "One or more validation errors occurred.", undefined, {
    DisplayName: ["Champ obligatoire."],
    "roles[1]": ["Valeur attendue : Chair, Coordinator."],
  });

  it("finds a field's first message whatever its case, and a list's items' messages", () => {
    expect(fieldError(invalid, "displayName")).toBe("Champ obligatoire.");
    expect(fieldError(invalid, "roles")).toBe("Valeur attendue : Chair, Coordinator.");
    expect(fieldError(invalid, "role")).toBeUndefined();
    expect(fieldError(new Error("network"), "displayName")).toBeUndefined();
  });

  it("shows as a bar only what is not about a field", () => {
    expect(isFormLevel(invalid)).toBe(false);
    expect(isFormLevel(new ApiError(403, "Accès refusé"))).toBe(true);
    expect(isFormLevel(new Error("network"))).toBe(true);
    expect(isFormLevel(undefined)).toBe(false);
  });

  it("turns a date input into noon UTC that day", () => {
    expect(dateToInstant("2026-12-01")).toBe("2026-12-01T12:00:00.000Z");
    expect(dateToInstant("")).toBeNull();
  });
});
