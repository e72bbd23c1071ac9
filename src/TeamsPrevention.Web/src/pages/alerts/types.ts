import { api } from "../../api/client";
import type { AlertAnswer, AlertCounts, AlertSeverity } from "../../api/alerts";
import type { Person, Role } from "../../api/directory";

export type { AlertAnswer, AlertCounts, AlertSeverity };

/** The alerts API's records (`Alerts/AlertEndpoints.cs` and its records), as JSON. */
export type AlertCategory = "Signal" | "FollowUp" | "Coordination" | "Information";
export type AlertRecipientKind = "Person" | "Organisation";
export type AlertAudienceSource = "Person" | "Organisation" | "Role" | "NeedToKnow" | "Escalation";
export type AlertDeliveryStatus = "Queued" | "Sent" | "Failed" | "Cancelled";

export const severities: AlertSeverity[] = ["Info", "Elevated", "Urgent"];
export const categories: AlertCategory[] = ["Signal", "FollowUp", "Coordination", "Information"];
export const answers: AlertAnswer[] = ["Acknowledged", "NeedMoreInformation", "NotConcerned"];

/** Who may send alerts (`AlertSenders.Roles`): the API checks again and answers 403 to anyone else. */
export const senderRoles: Role[] = ["Chair", "Coordinator", "Referent", "PoliceReferent", "Secretary", "Partner"];
export const mayCompose = (me: Person) => me.active && me.roles.some((r) => senderRoles.includes(r));
/** The sender, the Chair and Coordinators follow an alert (`AlertTracker.MayTrack`). */
export const followsAll = (me: Person) => me.roles.includes("Chair") || me.roles.includes("Coordinator");

export const maxMessageLength = 4000;
export const maxSituationCodeLength = 16;

export interface AlertRecipientTracking {
  id: string;
  kind: AlertRecipientKind;
  name: string;
  chosenAs: AlertAudienceSource;
  answer: AlertAnswer | null;
  answeredAt: string | null;
  answeredBy: string | null;
  escalationLevel: number;
  escalationDueAt: string | null;
  escalatedTo: string[];
}

export interface AlertDeliveryTracking {
  id: string;
  recipientId: string;
  person: string;
  reason: AlertAudienceSource;
  status: AlertDeliveryStatus;
  sentAt: string | null;
  attempts: number;
  failureReason: string | null;
}

export interface AlertTracking {
  id: string;
  reference: string;
  severity: AlertSeverity;
  category: AlertCategory;
  /** Null, like the message, when the follower may not see the alert's situation (`restricted`). */
  situationCode: string | null;
  message: string | null;
  senderOrganisation: string;
  createdAt: string;
  deadline: string;
  withdrawnAt: string | null;
  counts: AlertCounts;
  recipients: AlertRecipientTracking[];
  deliveries: AlertDeliveryTracking[];
  /** The follower is not on the situation's need-to-know list: metadata only, no code, no message. */
  restricted?: boolean;
}

export interface PendingAlert {
  id: string;
  reference: string;
  severity: AlertSeverity;
  category: AlertCategory;
  situationCode: string | null;
  message: string;
  deadline: string;
}

export interface RecipientAlertView extends PendingAlert {
  withdrawnAt: string | null;
  myAnswer: AlertAnswer | null;
  answeredAt: string | null;
}

/** `GET /api/alerts/deadline-preview?severity=`: the deadline an alert sent now would get (ISO 8601 with the Brussels offset). */
export interface DeadlinePreview {
  severity: AlertSeverity;
  dueAt: string;
}

export type ReceivedAlertState = "Pending" | "Answered" | "Withdrawn";
export type ReceivedAlertRole = "Me" | "MyOrganisation" | "Escalated";

/** `GET /api/alerts/received`: an alert addressed to me, my organisation or escalated to me, with the answer given. */
export interface ReceivedAlert {
  id: string;
  reference: string;
  severity: AlertSeverity;
  category: AlertCategory;
  situationCode: string | null;
  senderOrganisation: string;
  createdAt: string;
  deadline: string;
  withdrawnAt: string | null;
  state: ReceivedAlertState;
  role: ReceivedAlertRole;
  answer: AlertAnswer | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answeredByOrganisation: string | null;
  answeredByMe: boolean;
}

export interface CreateAlertRequest {
  severity: AlertSeverity;
  category: AlertCategory;
  message: string;
  situationCode: string | null;
  people: string[];
  organisations: string[];
  roles: Role[];
  needToKnow: boolean;
  /** Sends a message the App warned looks personal (its 422): the sender chose "Enregistrer quand même". */
  personalDataConfirmed?: boolean;
}

export interface CreatedAlert {
  id: string;
  reference: string;
  deadline: string;
}

export const isTracking = (view: AlertTracking | RecipientAlertView): view is AlertTracking => "counts" in view;

export const alertsApi = {
  list: (signal: AbortSignal) => api.get<AlertTracking[]>("/api/alerts", { signal }),
  pending: (signal: AbortSignal) => api.get<PendingAlert[]>("/api/alerts/pending", { signal }),
  received: (signal: AbortSignal) => api.get<ReceivedAlert[]>("/api/alerts/received?limit=100", { signal }),
  deadlinePreview: (severity: AlertSeverity, signal: AbortSignal) =>
    api.get<DeadlinePreview>(`/api/alerts/deadline-preview?severity=${encodeURIComponent(severity)}`, { signal }),
  get: (id: string, signal: AbortSignal) => api.get<AlertTracking | RecipientAlertView>(`/api/alerts/${encodeURIComponent(id)}`, { signal }),
  create: (request: CreateAlertRequest) => api.post<CreatedAlert>("/api/alerts", request),
  answer: (id: string, answer: AlertAnswer) => api.post<{ outcome: string }>(`/api/alerts/${encodeURIComponent(id)}/answer`, { answer }),
  withdraw: (id: string) => api.post<void>(`/api/alerts/${encodeURIComponent(id)}/withdraw`),
  /** The tracking as CSV, in the page's language (`lang`: the language the person reads the page in). */
  exportCsv: (id: string, reference: string, lang: string) =>
    api.download(`/api/alerts/${encodeURIComponent(id)}/export?lang=${encodeURIComponent(lang)}`, `alerte-${reference}.csv`, "text/csv"),
};
