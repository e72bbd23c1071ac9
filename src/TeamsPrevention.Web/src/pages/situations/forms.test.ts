import { describe, expect, it } from "vitest";
import { identityFields, identityInput, signalInput } from "./forms";

describe("signalInput", () => {
  it("sends the ticked indicators, the text, and no identity or confirmation when none was given", () => {
    expect(signalInput("o1", "2026-03-01", { threats: " Menaces " }, " Faits ")).toEqual({
      sourceOrganisationId: "o1",
      signalDate: "2026-03-01",
      indicators: [{ key: "threats", evidence: "Menaces" }],
      text: "Faits",
    });
  });

  it("sends the identity fields filled in, trimmed, and the confirmation once chosen", () => {
    const input = signalInput("o1", "", {}, "", { firstName: " Zébulon ", lastName: "", birthDate: "2009-03-14", unknown: "x" }, true);
    expect(input.identity).toEqual({ firstName: "Zébulon", birthDate: "2009-03-14" });
    expect(input.personalDataConfirmed).toBe(true);
    expect(input.signalDate).toBeNull();
  });
});

describe("identityFields", () => {
  it("offers every sealed field of the API, identity first", () => {
    expect(identityFields.map((f) => f.key)).toEqual([
      "firstName", "lastName", "birthDate", "address", "school", "nationality", "beliefs", "health", "offences", "socialSituation",
    ]);
    expect(identityFields.slice(0, 6).every((f) => f.category === "Identity")).toBe(true);
    expect(identityInput({ firstName: "  " })).toBeUndefined();
  });
});
