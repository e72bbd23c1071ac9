import type { Organisation, OrganisationInput, Person, PersonInput, Role } from "../../api/directory";
import { allRoles } from "../../api/directory";

/** What the person form holds (strings as typed; turned into the API's body by {@link toPersonInput}). */
export interface PersonDraft {
  entraObjectId: string;
  displayName: string;
  email: string;
  preferredLanguage: string;
  organisationId: string;
  roles: Role[];
  active: boolean;
}

export const emptyPerson: PersonDraft = { entraObjectId: "", displayName: "", email: "", preferredLanguage: "fr", organisationId: "", roles: [], active: true };

export const emptyOrganisation: OrganisationInput = { key: "", name: "", kind: "" };

/** The form's starting point: empty for a new person, the person as listed for an edit. */
export function personDraft(person?: Person): PersonDraft {
  return person
    ? {
        entraObjectId: person.entraObjectId,
        displayName: person.displayName,
        email: person.email ?? "",
        preferredLanguage: person.preferredLanguage,
        organisationId: person.organisationId,
        roles: allRoles.filter((r) => person.roles.includes(r)),
        active: person.active,
      }
    : emptyPerson;
}

export function organisationDraft(organisation?: Organisation): OrganisationInput {
  return organisation ? { key: organisation.key, name: organisation.name, kind: organisation.kind } : emptyOrganisation;
}

/**
 * The body of `POST`/`PUT /api/directory/people`: trimmed texts, empty ones as null (the App then names the missing
 * field), roles in the directory's order. The Teams id is not sent: the App keeps the one the bot recorded.
 */
export function toPersonInput(draft: PersonDraft): PersonInput {
  return {
    entraObjectId: draft.entraObjectId.trim() || null,
    displayName: draft.displayName.trim(),
    email: draft.email.trim() || null,
    preferredLanguage: draft.preferredLanguage,
    organisationId: draft.organisationId || null,
    roles: allRoles.filter((r) => draft.roles.includes(r)),
    active: draft.active,
  };
}

export function toOrganisationInput(draft: OrganisationInput): OrganisationInput {
  return { key: draft.key.trim().toLowerCase(), name: draft.name.trim(), kind: draft.kind };
}

/** An organisation's key from its name, as a suggestion: lower case, no accents, words joined by dashes. */
export function suggestKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
}
