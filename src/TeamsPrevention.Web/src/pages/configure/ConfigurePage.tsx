import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dropdown, Field, Option, Text } from "@fluentui/react-components";
import { pages } from "@microsoft/teams-js";
import { api } from "../../api/client";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";

interface SituationCode {
  code: string;
}

/**
 * The configuration page of the channel tab (`configurationUrl`): the person chooses one of the situations they may
 * see; the tab then opens that situation (by its code only) in the channel. Outside Teams it only shows the choice.
 */
export function ConfigurePage({ host }: PageProps) {
  const { t } = useTranslation();
  const situations = useApi((signal) => api.get<SituationCode[]>("/api/situations", { signal }), []);
  const [code, setCode] = useState<string>();

  useEffect(() => {
    if (host.kind !== "teams") {
      return;
    }
    pages.config.setValidityState(code !== undefined);
    pages.config.registerOnSaveHandler((event) => {
      if (!code) {
        event.notifyFailure("no situation");
        return;
      }
      const origin = window.location.origin;
      pages.config
        .setConfig({
          entityId: `situation:${code}`,
          contentUrl: `${origin}/#/situations/${encodeURIComponent(code)}`,
          websiteUrl: `${origin}/#/situations/${encodeURIComponent(code)}`,
          suggestedDisplayName: code,
        })
        .then(() => event.notifySuccess())
        .catch((e: unknown) => event.notifyFailure(String(e)));
    });
  }, [code, host.kind]);

  return (
    <Page title={t("configure.title")}>
      <Text>{t("configure.help")}</Text>
      <ErrorBar error={situations.error} />
      {situations.loading && !situations.data && <Loading />}
      {situations.data && situations.data.length === 0 && <Text>{t("configure.none")}</Text>}
      {situations.data && situations.data.length > 0 && (
        <Field label={t("configure.choose")}>
          <Dropdown value={code ?? ""} onOptionSelect={(_, d) => setCode(d.optionValue)}>
            {situations.data.map((s) => (
              <Option key={s.code} value={s.code}>
                {s.code}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </Page>
  );
}
