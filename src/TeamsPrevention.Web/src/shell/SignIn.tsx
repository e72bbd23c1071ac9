import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Card, CardHeader, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { Page, ErrorBar, Loading } from "../components/Page";
import type { TabConfig } from "../host/config";
import type { EndReason } from "../host/session";
import { teamsDeepLink } from "./deepLink";
import { parseHash } from "./router";

export interface Persona {
  objectId: string;
  displayName: string;
  role: string;
  jobTitle: string;
  organisation: string;
}

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", gap: tokens.spacingHorizontalM },
});

/** The sandbox tenant's personas (fictitious people), without the other tenant's; none outside the sandbox. */
export function loadPersonas(config: TabConfig): Promise<Persona[]> {
  if (!config.sandbox) {
    return Promise.resolve([]);
  }
  const list = fetch(config.sandbox.personasUrl, { credentials: "omit", cache: "no-store" })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((all: Persona[]) => all.filter((p) => p.organisation !== "other"));
  list.catch(() => undefined); // shown by the page; not an unhandled rejection meanwhile
  return list;
}

/**
 * In a plain browser against the sandbox tenant: pick a persona and sign in through the sandbox's identity (the
 * personas are fictitious). Outside the sandbox the tab only opens inside Microsoft Teams.
 */
export function SignIn({
  config,
  personas: personasLoading,
  ended,
  onSignIn,
}: {
  config: TabConfig;
  personas: Promise<Persona[]>;
  ended?: EndReason;
  onSignIn: (objectId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [personas, setPersonas] = useState<Persona[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const sandbox = config.sandbox;

  useEffect(() => {
    let current = true;
    personasLoading.then(
      (list) => current && setPersonas(list),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [personasLoading]);

  if (!sandbox) {
    return (
      <Page title={t("signIn.title")}>
        <Text>{t("signIn.teamsOnly")}</Text>
        {config.teamsAppId && (
          // A link read outside Teams (the Outlook invitation) names its page by the address: the same page, in Teams.
          <Link href={teamsDeepLink(config.teamsAppId, parseHash(window.location.hash).path)} target="_top">
            {t("signIn.openInTeams")}
          </Link>
        )}
      </Page>
    );
  }

  return (
    <Page title={t("signIn.title")}>
      {ended && <Text role="status">{t(`signIn.ended.${ended}`)}</Text>}
      <Text>{t("signIn.sandbox")}</Text>
      <Link href={sandbox.inboxUrl} target="_blank" rel="noopener">
        {t("signIn.inbox")}
      </Link>
      <ErrorBar error={error} />
      {!personas && !error && <Loading />}
      <div className={styles.grid} role="list" aria-label={t("signIn.personas")}>
        {personas?.map((p) => (
          <Card key={p.objectId} role="listitem">
            <CardHeader header={<Text weight="semibold">{p.displayName}</Text>} description={<Text size={200}>{p.jobTitle}</Text>} />
            <Button
              appearance="primary"
              disabled={busy !== undefined}
              aria-label={t("signIn.as", { name: p.displayName })}
              onClick={async () => {
                setBusy(p.objectId);
                try {
                  await onSignIn(p.objectId);
                } catch (e) {
                  setError(e);
                  setBusy(undefined);
                }
              }}
            >
              {t("signIn.button")}
            </Button>
          </Card>
        ))}
      </div>
    </Page>
  );
}
