import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { situationsApi } from "../../api/situations";
import { Page } from "../../components/Page";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";
import { Block } from "../../components/Block";
import { byUrgency, mayReport } from "./rules";
import { SignalForm } from "./SignalForm";
import { SituationTable } from "./SituationTable";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL } });

/** The situations I may know (codes only), and the signal form for those who may report. */
export function SituationsPage({ me }: PageProps) {
  const { t } = useTranslation("situations");
  const styles = useStyles();
  const list = useApi((s) => situationsApi.list(s), []);
  const [signalling, setSignalling] = useState(false);
  const sorted = useMemo(() => [...(list.data ?? [])].sort(byUrgency), [list.data]);
  return (
    <Page
      title={t("title")}
      actions={
        mayReport(me.roles) && (
          <Button appearance="primary" aria-expanded={signalling} onClick={() => setSignalling((s) => !s)}>
            {t("signal.open")}
          </Button>
        )
      }
    >
      <div className={styles.stack}>
        {signalling && <SignalForm me={me} onCreated={() => list.reload()} />}
        <Block
          id="situations"
          title={t("list.title")}
          loading={list.loading && !list.data}
          error={list.error}
          empty={sorted.length === 0}
          emptyText={t("list.empty")}
        >
          <SituationTable situations={sorted} label={t("list.title")} />
        </Block>
      </div>
    </Page>
  );
}
