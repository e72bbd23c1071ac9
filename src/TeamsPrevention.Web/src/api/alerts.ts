import { api } from "./client";

/** What the dashboard needs of `/api/alerts` (AlertEndpoints.cs); the Alerts pages build their fuller types on these. */
export type AlertAnswer = "Acknowledged" | "NeedMoreInformation" | "NotConcerned";
export type AlertSeverity = "Info" | "Elevated" | "Urgent";

export interface PendingAlert {
  id: string;
  reference: string;
  severity: AlertSeverity;
  category: string;
  situationCode: string | null;
  message: string;
  deadline: string;
}

export interface AlertCounts {
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
  recipients: number;
  answered: number;
  escalated: number;
  waiting: number;
}

/** One followed alert (`GET /api/alerts`), without its per-recipient lines. */
export interface FollowedAlert {
  id: string;
  reference: string;
  severity: AlertSeverity;
  category: string;
  situationCode: string | null;
  createdAt: string;
  deadline: string;
  withdrawnAt: string | null;
  counts: AlertCounts;
}

export const alertsApi = {
  pending: (signal?: AbortSignal) => api.get<PendingAlert[]>("/api/alerts/pending", { signal }),
  followed: (signal?: AbortSignal) => api.get<FollowedAlert[]>("/api/alerts", { signal }),
  answer: (id: string, answer: AlertAnswer) => api.post<{ outcome: string }>(`/api/alerts/${encodeURIComponent(id)}/answer`, { answer }),
};
