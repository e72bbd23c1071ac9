import { api } from "../../api/client";
import type { Person, Role } from "../../api/directory";

/** `/api/directory` beyond `me` (DirectoryEndpoints.cs): read by any member, written by the Admin only. */
export type OrganisationKind = "City" | "Police" | "School" | "SocialWelfare" | "YouthService" | "Association" | "Other";

export interface Organisation {
  id: string;
  key: string;
  name: string;
  kind: OrganisationKind;
}

export interface Deputyship {
  id: string;
  personId: string;
  deputyId: string;
  validFrom: string | null;
  validUntil: string | null;
}

export const allRoles: Role[] = ["Chair", "Coordinator", "Referent", "PoliceReferent", "Partner", "Secretary", "Dpo", "Admin"];

export const directoryApi = {
  organisations: (signal?: AbortSignal) => api.get<Organisation[]>("/api/directory/organisations", { signal }),
  people: (signal?: AbortSignal) => api.get<Person[]>("/api/directory/people", { signal }),
  deputies: (signal?: AbortSignal) => api.get<Deputyship[]>("/api/directory/deputies", { signal }),
  createDeputyship: (input: { personId: string; deputyId: string; validFrom: string | null; validUntil: string | null }) =>
    api.post<Deputyship>("/api/directory/deputies", input),
  deleteDeputyship: (id: string) => api.delete<void>(`/api/directory/deputies/${encodeURIComponent(id)}`),
};

/** Only the Admin writes the directory (DirectoryPolicies.Admin); the others read it. */
export function mayEditDirectory(me: Pick<Person, "roles">): boolean {
  return me.roles.includes("Admin");
}

/** A deputyship in force at `now` (no bounds = always). */
export function isCurrent(d: Deputyship, now: Date): boolean {
  return (!d.validFrom || new Date(d.validFrom) <= now) && (!d.validUntil || new Date(d.validUntil) > now);
}

/** Id → display name, for tables that receive ids. */
export function nameIndex<T extends { id: string }>(items: T[] | undefined, name: (item: T) => string): Map<string, string> {
  return new Map((items ?? []).map((i) => [i.id, name(i)]));
}
