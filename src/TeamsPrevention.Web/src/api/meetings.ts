import { api } from "./client";

/** What the dashboard needs of `GET /api/meetings` (MeetingEndpoints.cs). */
export interface MeetingSummary {
  id: string;
  kind: "Platform" | "Case";
  status: "Scheduled" | "Cancelled";
  startAt: string;
  endAt: string;
  joinUrl: string | null;
}

export const meetingsApi = {
  list: (signal?: AbortSignal) => api.get<MeetingSummary[]>("/api/meetings", { signal }),
};
