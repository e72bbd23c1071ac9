import type { Deputyship, Person } from "../../api/directory";

/** Only the Admin writes the directory (DirectoryPolicies.Admin); the Chair and the Coordinator read it. */
export function mayEditDirectory(me: Pick<Person, "roles">): boolean {
  return me.roles.includes("Admin");
}

/** A deputyship in force at `now` (no bounds = always). */
export function isCurrent(d: Deputyship, now: Date): boolean {
  return (!d.validFrom || new Date(d.validFrom) <= now) && (!d.validUntil || new Date(d.validUntil) > now);
}
