import { api } from "../../api/client";
import { directoryApi, type Person } from "../../api/directory";

/** The meetings API's records (`Meetings/MeetingEndpoints.cs`), as JSON. */
export type MeetingKind = "Platform" | "Case";
export type MeetingStatus = "Scheduled" | "Cancelled";
export type MeetingSyncState = "Pending" | "Synced" | "ToRetry";
export type MeetingItemSource = "ReviewDue" | "Added";

export const kinds: MeetingKind[] = ["Platform", "Case"];

/**
 * The subject Outlook and Teams show, written by the API (`MeetingInvite`): fixed, French, content-free. Shown here
 * so the coordinator knows what attendees will see; the API never takes a subject.
 */
export const subjects: Record<MeetingKind, string> = {
  Platform: "Plateforme communale de prévention",
  Case: "Réunion de concertation de cas — CSIL-R",
};

export interface MeetingView {
  id: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startAt: string;
  endAt: string;
  occurrences: number | null;
  joinUrl: string | null;
  syncState: MeetingSyncState;
  syncProblem: string | null;
  attendeeIds: string[];
  /** Added by helper/meet's automatic retry (absent before it is merged). */
  syncAttempts?: number;
  nextSyncAt?: string | null;
}

export interface MeetingInput {
  kind: MeetingKind;
  startAt: string;
  endAt: string;
  attendeeIds: string[];
  occurrences: number | null;
}

export interface AgendaItemView {
  id: string;
  restricted: boolean;
  label: string;
  source: MeetingItemSource | null;
  present: boolean;
  hasMinutes: boolean;
  /** For whoever records attendance: the attendees who may be present for this item (they see its situation). */
  mayAttend?: string[] | null;
}

export interface AgendaView {
  meetingId: string;
  kind: MeetingKind;
  items: AgendaItemView[];
}

/** Reviews due before a case meeting for its attendees, not yet on its agenda: the codes I may see, a count of the others. */
export interface AgendaProposalView {
  meetingId: string;
  total: number;
  visible: { code: string; dueAt: string }[];
  restricted: number;
}

export type MeetingResponse = "None" | "Organizer" | "TentativelyAccepted" | "Accepted" | "Declined" | "NotResponded";

export interface AttendeeResponseView {
  personId: string;
  response: MeetingResponse | string;
  respondedAt: string | null;
  secrecyAcknowledged: boolean;
}

export interface SecrecyView {
  meetingId: string;
  acknowledgedAt: string;
}

export interface MinutesActionInput {
  description: string;
  ownerOrganisationId: string;
  dueDate: string;
}

export interface MinutesInput {
  decision: string | null;
  consensus: boolean | null;
  nextReviewAt: string | null;
  actions: MinutesActionInput[];
  /** Saves text the App warned looks personal (its 422): the writer chose "Enregistrer quand même". */
  personalDataConfirmed?: boolean;
}

export interface MinutesActionView extends MinutesActionInput {
  id: string;
}

export interface MinutesView {
  itemId: string;
  situationCode: string;
  decision: string | null;
  consensus: boolean | null;
  nextReviewAt: string | null;
  actions: MinutesActionView[];
  present: string[];
  minutesAt: string | null;
}

/** The police feedback form of a case-meeting item (`PoliceFeedbackView`; helper/meet's branch adds the route). */
export interface PoliceFeedbackView {
  itemId: string;
  situationCode: string;
  consensusRecorded: boolean;
  canWrite: boolean;
  text: string | null;
  nothingUnderSecrecyConfirmed: boolean;
  authorId: string | null;
  savedAt: string | null;
  version: number;
}

export interface SituationSummary {
  code: string;
  status: string;
}

export const isCoordination = (me: Person) => me.roles.includes("Coordinator") || me.roles.includes("Chair");
export const mayRecord = (me: Person) => isCoordination(me) || me.roles.includes("Secretary");
export const mayAddItems = (me: Person) => isCoordination(me) || me.roles.includes("Referent");

const base = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const meetingsApi = {
  list: (signal: AbortSignal) => api.get<MeetingView[]>("/api/meetings", { signal }),
  get: (id: string, signal: AbortSignal) => api.get<MeetingView>(base(id), { signal }),
  schedule: (input: MeetingInput) => api.post<MeetingView>("/api/meetings", input),
  reschedule: (id: string, input: MeetingInput) => api.put<MeetingView>(base(id), input),
  cancel: (id: string) => api.delete<MeetingView>(base(id)),
  retry: (id: string) => api.post<MeetingView>(`${base(id)}/retry`),
  responses: (id: string, signal: AbortSignal) => api.get<AttendeeResponseView[]>(`${base(id)}/responses`, { signal }),
  agenda: (id: string, signal: AbortSignal) => api.get<AgendaView>(`${base(id)}/agenda`, { signal }),
  addItem: (id: string, code: string) => api.post<AgendaView>(`${base(id)}/agenda`, { code }),
  proposal: (id: string, signal?: AbortSignal) => api.get<AgendaProposalView>(`${base(id)}/agenda/proposal`, { signal }),
  acceptProposal: (id: string) => api.post<AgendaView>(`${base(id)}/agenda/proposal`),
  attendance: (id: string, itemId: string, present: string[]) => api.put<AgendaView>(`${base(id)}/agenda/${encodeURIComponent(itemId)}/attendance`, { present }),
  minutes: (id: string, itemId: string, signal?: AbortSignal) => api.get<MinutesView>(`${base(id)}/agenda/${encodeURIComponent(itemId)}/minutes`, { signal }),
  saveMinutes: (id: string, itemId: string, input: MinutesInput) => api.put<MinutesView>(`${base(id)}/agenda/${encodeURIComponent(itemId)}/minutes`, input),
  acknowledgeSecrecy: (id: string) => api.post<SecrecyView>(`${base(id)}/secrecy`),
  policeFeedback: (id: string, itemId: string, signal?: AbortSignal) =>
    api.get<PoliceFeedbackView>(`${base(id)}/agenda/${encodeURIComponent(itemId)}/police-feedback`, { signal }),
  savePoliceFeedback: (id: string, itemId: string, input: { text: string; nothingUnderSecrecy: boolean; version: number | null }) =>
    api.put<PoliceFeedbackView>(`${base(id)}/agenda/${encodeURIComponent(itemId)}/police-feedback`, input),
  printMinutes: (id: string) => api.openDocument(`${base(id)}/minutes/export`),
  people: directoryApi.people,
  organisations: directoryApi.organisations,
  situations: (signal: AbortSignal) => api.get<SituationSummary[]>("/api/situations", { signal }),
};
