import { useTranslation } from "react-i18next";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { useApi } from "../../components/useApi";
import { navigate } from "../../shell/router";
import type { PageProps } from "../../shell/types";
import { emptyScheduleForm, MeetingForm } from "./MeetingForm";
import { isCoordination, meetingsApi } from "./types";

/** Scheduling a platform or case meeting (the coordination only; the API checks again). */
export function MeetingSchedulePage({ me }: PageProps) {
  const { t } = useTranslation("meetings");
  const people = useApi((signal) => meetingsApi.people(signal), []);
  if (!isCoordination(me)) {
    return (
      <Page title={t("form.title")}>
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t("form.forbidden")}</MessageBarBody>
        </MessageBar>
      </Page>
    );
  }
  return (
    <Page title={t("form.title")}>
      <ErrorBar error={people.error} />
      {!people.data && !people.error && <Loading />}
      {people.data && (
        <MeetingForm
          me={me}
          people={people.data}
          initial={emptyScheduleForm}
          submitLabel={t("form.schedule")}
          onSubmit={async (input) => {
            const created = await meetingsApi.schedule(input);
            navigate(`/meetings/${created.id}`);
          }}
          onCancel={() => navigate("/meetings")}
        />
      )}
    </Page>
  );
}
