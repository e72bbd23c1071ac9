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
