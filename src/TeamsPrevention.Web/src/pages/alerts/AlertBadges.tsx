import { useTranslation } from "react-i18next";
import { Badge } from "@fluentui/react-components";
import type { AlertAnswer, AlertDeliveryStatus, AlertSeverity } from "./types";

const severityColour = { Info: "informative", Elevated: "warning", Urgent: "danger" } as const;
const statusColour = { Queued: "informative", Sent: "success", Failed: "danger", Cancelled: "subtle" } as const;
const answerColour = { Acknowledged: "success", NeedMoreInformation: "warning", NotConcerned: "informative" } as const;

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation("alerts");
  return (
    <Badge appearance="tint" color={severityColour[severity]}>
      {t(`severity.${severity}`)}
    </Badge>
  );
}

export function DeliveryBadge({ status }: { status: AlertDeliveryStatus }) {
  const { t } = useTranslation("alerts");
  return (
    <Badge appearance="tint" color={statusColour[status]}>
      {t(`delivery.${status}`)}
    </Badge>
  );
}

export function AnswerBadge({ answer }: { answer: AlertAnswer | null }) {
  const { t } = useTranslation("alerts");
  if (!answer) {
    return (
      <Badge appearance="outline" color="subtle">
        {t("answer.waiting")}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color={answerColour[answer]}>
      {t(`answer.${answer}`)}
    </Badge>
  );
}
