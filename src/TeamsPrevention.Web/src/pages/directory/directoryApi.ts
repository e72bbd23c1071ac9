import type { Deputyship, Person, Role } from "../../api/directory";

/** Only the Admin writes organisations and deputyships (DirectoryPolicies.Admin); the Chair and the Coordinator read them. */
export function mayEditDirectory(me: Pick<Person, "roles">): boolean {
  return me.roles.includes("Admin");
}

/** People and their roles are written by the Admin and the Chair (DirectoryPolicies.People), each within their own roles. */
export function mayEditPeople(me: Pick<Person, "roles">): boolean {
  return me.roles.includes("Admin") || me.roles.includes("Chair");
}

/** The roles that open case content (DirectoryRoles.Case): the Chair's to grant and withdraw, never held with Admin. */
export const caseRoles: Role[] = ["Chair", "Coordinator", "Referent", "PoliceReferent", "Secretary"];

/**
 * Whether `me` may give or take `role` on `person` (DirectoryAdministration): never on their own record; the Chair the
 * roles that open case content, the Admin the others. The App decides again.
 */
export function mayChangeRole(me: Pick<Person, "id" | "roles">, role: Role, person?: Pick<Person, "id">): boolean {
  if (person?.id === me.id) {
    return false;
  }
  return caseRoles.includes(role) ? me.roles.includes("Chair") : me.roles.includes("Admin");
}

/** A deputyship in force at `now` (no bounds = always). */
export function isCurrent(d: Deputyship, now: Date): boolean {
  return (!d.validFrom || new Date(d.validFrom) <= now) && (!d.validUntil || new Date(d.validUntil) > now);
}
