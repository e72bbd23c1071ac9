import { useTranslation } from "react-i18next";
import { NotBuiltYet, Page } from "../../components/Page";
import type { PageProps } from "../../shell/types";

/** Not built yet: says so plainly (no invented data). */
export function AlertComposePage(_: PageProps) {
  const { t } = useTranslation("alerts");
  return (
    <Page title={t("title")}>
      <NotBuiltYet what={t("title")} />
    </Page>
  );
}
