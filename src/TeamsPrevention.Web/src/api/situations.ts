import { api } from "./client";

/** The tab's view of `/api/situations` (SituationEndpoints.cs). Codes only: a situation never carries a name here. */
export type SituationStatus = "Signalled" | "Screening" | "Included" | "Declined" | "Closed";
export type ChannelState = "None" | "Requested" | "Active" | "Removing" | "Removed";
export type ActionStatus = "Planned" | "InProgress" | "Done" | "Cancelled";
export type ReviewKind = "Review" | "AfterCare";
export type FieldCategory = "Identity" | "SpecialCategory" | "Offence" | "Social";

export interface SituationSummary {
  code: string;
  status: SituationStatus;
  /** `content` (on the list, or the Chair) or `metadata` (Admin, DPO). */
  access: "content" | "metadata";
  createdAt: string;
  nextReviewAt: string | null;
  reviewOverdue: boolean;
  nextAfterCareAt: string | null;
  afterCareOverdue: boolean;
  channel: ChannelState;
}

export interface IndicatorView {
  key: string;
  label: string;
  evidence: string;
  observedBy: string;
  recordedAt: string;
}

export interface ActionView {
  id: string;
  description: string;
  ownerOrganisationId: string;
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
}

export interface ReviewView {
  id: string;
  kind: ReviewKind;
  heldAt: string;
  reviewedBy: string;
  notes: string | null;
  nextReviewAt: string | null;
}

export interface NeedToKnowView {
  personId: string;
  grantedAt: string;
  expiresAt: string | null;
  breakGlass: boolean;
  expired: boolean;
}

export interface IdentityFieldView {
  key: string;
  category: FieldCategory;
  label: string;
  present: boolean;
  value: string | null;
}

export interface SituationDetail {
  summary: SituationSummary;
  sourceOrganisationId: string | null;
  signalDate: string | null;
  signalText: string | null;
  indicators: IndicatorView[] | null;
  referentId: string | null;
  referredTo: string | null;
  closedAt: string | null;
  closureReason: string | null;
  actions: ActionView[] | null;
  reviews: ReviewView[] | null;
  needToKnow: NeedToKnowView[] | null;
  identity: IdentityFieldView[] | null;
  channelProblem: string | null;
  channelLink?: string | null;
}

export interface AlertIndicator {
  key: string;
  fr: string;
  nl: string;
  de: string;
  en: string;
}

export interface IndicatorChecklist {
  isExampleToReplace: boolean;
  indicators: AlertIndicator[];
}

export interface SignalInput {
  sourceOrganisationId?: string | null;
  signalDate?: string | null;
  indicators?: { key: string; evidence: string }[];
  text?: string | null;
  /** The sealed fields (IdentityField.cs keys): encrypted at rest, masked until revealed with a reason. */
  identity?: Record<string, string>;
  /** Saves free text the App warned looks personal (its 422). */
  personalDataConfirmed?: boolean;
}

/** "Enregistrer quand même" after the App's personal-data warning (422). */
export interface Confirmable {
  personalDataConfirmed?: boolean;
}

const base = "/api/situations";
const at = (code: string) => `${base}/${encodeURIComponent(code)}`;

export const situationsApi = {
  list: (signal?: AbortSignal) => api.get<SituationSummary[]>(base, { signal }),
  indicators: (signal?: AbortSignal) => api.get<IndicatorChecklist>(`${base}/indicators`, { signal }),
  report: (input: SignalInput) => api.post<SituationSummary>(base, input),
  get: (code: string, signal?: AbortSignal) => api.get<SituationDetail>(at(code), { signal }),
  startScreening: (code: string) => api.post<SituationDetail>(`${at(code)}/screening`),
  include: (code: string, nextReviewAt: string | null) => api.post<SituationDetail>(`${at(code)}/inclusion`, { nextReviewAt }),
  decline: (code: string, referredTo: string | null) => api.post<SituationDetail>(`${at(code)}/decline`, { referredTo }),
  addAction: (code: string, input: { description: string; ownerOrganisationId: string | null; dueDate: string | null } & Confirmable) =>
    api.post<SituationDetail>(`${at(code)}/actions`, input),
  updateAction: (code: string, actionId: string, status: ActionStatus) =>
    api.put<SituationDetail>(`${at(code)}/actions/${encodeURIComponent(actionId)}`, { status }),
  review: (code: string, notes: string | null, nextReviewAt: string | null, confirm: Confirmable = {}) =>
    api.post<SituationDetail>(`${at(code)}/reviews`, { notes, nextReviewAt, ...confirm }),
  close: (code: string, reason: string, confirm: Confirmable = {}) => api.post<SituationDetail>(`${at(code)}/closure`, { reason, ...confirm }),
  requestChannel: (code: string) => api.post<SituationDetail>(`${at(code)}/channel`),
  grant: (code: string, personId: string, expiresAt: string | null) => api.post<SituationDetail>(`${at(code)}/need-to-know`, { personId, expiresAt }),
  revoke: (code: string, personId: string) => api.delete<SituationDetail>(`${at(code)}/need-to-know/${encodeURIComponent(personId)}`),
  breakGlass: (code: string, reason: string) => api.post<SituationDetail>(`${at(code)}/break-glass`, { reason }),
  reveal: (code: string, reason: string) => api.post<IdentityFieldView[]>(`${at(code)}/identity/reveal`, { reason }),
  /** Referents: sets the sealed fields given (others unchanged). */
  setIdentity: (code: string, fields: Record<string, string>) => api.put<SituationDetail>(`${at(code)}/identity`, fields),
};
