import { api } from "./client";

export type Role = "Chair" | "Coordinator" | "Referent" | "PoliceReferent" | "Partner" | "Secretary" | "Dpo" | "Admin";

/** A person as `GET /api/directory/me` and `/api/directory/people` answer. */
export interface Person {
  id: string;
  entraObjectId: string;
  teamsUserId?: string | null;
  displayName: string;
  email?: string | null;
  preferredLanguage: string;
  organisationId: string;
  active: boolean;
  roles: Role[];
}

export const getMe = (signal?: AbortSignal) => api.get<Person>("/api/directory/me", { signal });

/** `/api/directory` beyond `me` (DirectoryEndpoints.cs): read by any member, written by the Admin only. */
export type OrganisationKind = "City" | "Police" | "School" | "SocialWelfare" | "YouthService" | "Association" | "Other";

export const organisationKinds: OrganisationKind[] = ["City", "Police", "School", "SocialWelfare", "YouthService", "Association", "Other"];

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

/** The body of `POST /api/directory/organisations` and `PUT /api/directory/organisations/{id}`. */
export interface OrganisationInput {
  key: string;
  name: string;
  kind: OrganisationKind | "";
}

/** The body of `POST /api/directory/people` and `PUT /api/directory/people/{id}` (roles replaced as a whole). */
export interface PersonInput {
  entraObjectId: string | null;
  displayName: string;
  email: string | null;
  preferredLanguage: string;
  organisationId: string | null;
  roles: Role[];
  active: boolean;
}

export const allRoles: Role[] = ["Chair", "Coordinator", "Referent", "PoliceReferent", "Partner", "Secretary", "Dpo", "Admin"];

export const directoryApi = {
  organisations: (signal?: AbortSignal) => api.get<Organisation[]>("/api/directory/organisations", { signal }),
  people: (signal?: AbortSignal) => api.get<Person[]>("/api/directory/people", { signal }),
  roles: (signal?: AbortSignal) => api.get<Role[]>("/api/directory/roles", { signal }),
  deputies: (signal?: AbortSignal) => api.get<Deputyship[]>("/api/directory/deputies", { signal }),
  createOrganisation: (input: OrganisationInput) => api.post<Organisation>("/api/directory/organisations", input),
  updateOrganisation: (id: string, input: OrganisationInput) => api.put<Organisation>(`/api/directory/organisations/${encodeURIComponent(id)}`, input),
  createPerson: (input: PersonInput) => api.post<Person>("/api/directory/people", input),
  updatePerson: (id: string, input: PersonInput) => api.put<Person>(`/api/directory/people/${encodeURIComponent(id)}`, input),
  createDeputyship: (input: { personId: string; deputyId: string; validFrom: string | null; validUntil: string | null }) =>
    api.post<Deputyship>("/api/directory/deputies", input),
  deleteDeputyship: (id: string) => api.delete<void>(`/api/directory/deputies/${encodeURIComponent(id)}`),
};
