import { useTranslation } from "react-i18next";
import { Badge } from "@fluentui/react-components";
import type { MeetingStatus, MeetingSyncState } from "./types";

const syncColour = { Pending: "informative", Synced: "success", ToRetry: "danger" } as const;

export function SyncBadge({ state }: { state: MeetingSyncState }) {
  const { t } = useTranslation("meetings");
  return (
    <Badge appearance="tint" color={syncColour[state]}>
      {t(`sync.${state}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation("meetings");
  return (
    <Badge appearance={status === "Cancelled" ? "outline" : "tint"} color={status === "Cancelled" ? "subtle" : "brand"}>
      {t(`status.${status}`)}
    </Badge>
  );
}
