import { describe, expect, it } from "vitest";
import type { Person } from "../../api/directory";
import { emptyPerson, organisationDraft, personDraft, suggestKey, toOrganisationInput, toPersonInput } from "./forms";

const person: Person = {
  id: "p1",
  entraObjectId: "00000000-0000-0000-0000-0000000000aa",
  teamsUserId: "29:teams",
  displayName: "Zoé Exemple",
  email: null,
  preferredLanguage: "nl",
  organisationId: "o1",
  active: true,
  roles: ["Secretary", "Chair"],
};

describe("directory forms", () => {
  it("starts a new person French, active and without roles", () => {
    expect(personDraft()).toEqual(emptyPerson);
    expect(emptyPerson).toMatchObject({ preferredLanguage: "fr", active: true, roles: [] });
  });

  it("edits a person as listed, roles in the directory's order", () => {
    expect(personDraft(person)).toEqual({
      entraObjectId: person.entraObjectId,
      displayName: "Zoé Exemple",
      email: "",
      preferredLanguage: "nl",
      organisationId: "o1",
      roles: ["Chair", "Secretary"],
      active: true,
    });
  });

  it("sends trimmed texts, empty ones as null, and never the Teams id (the App keeps the bot's)", () => {
    const input = toPersonInput({ ...personDraft(person), displayName: "  Zoé Exemple ", email: "  ", entraObjectId: " ", active: false });
    expect(input).toEqual({
      entraObjectId: null,
      displayName: "Zoé Exemple",
      email: null,
      preferredLanguage: "nl",
      organisationId: "o1",
      roles: ["Chair", "Secretary"],
      active: false,
    });
    expect(input).not.toHaveProperty("teamsUserId");
    expect(toPersonInput({ ...emptyPerson, organisationId: "" }).organisationId).toBeNull();
  });

  it("suggests an organisation key from its name and sends it in lower case", () => {
    expect(suggestKey("École secondaire du Confluent (fictive)")).toBe("ecole-secondaire-du-confluent-fictive");
    expect(suggestKey("  CPAS — Namur  ")).toBe("cpas-namur");
    expect(toOrganisationInput({ key: " Club-1 ", name: " Club ", kind: "Association" })).toEqual({ key: "club-1", name: "Club", kind: "Association" });
    expect(organisationDraft({ id: "o", key: "k", name: "N", kind: "Police" })).toEqual({ key: "k", name: "N", kind: "Police" });
  });
});
