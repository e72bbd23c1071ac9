import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { ApiError } from "../api/client";
import { getMe, type Person } from "../api/directory";
import { Page, ErrorBar, Loading } from "../components/Page";
import type { TabConfig } from "../host/config";
import { teamsToken, type Host } from "../host/host";
import { Session, sandboxPersonaToken, type EndReason } from "../host/session";
import i18n, { languageFor } from "../i18n/i18n";
import { prefetchRoute, preloadRoute } from "./areas";
import { pathForSubPage } from "./deepLink";
import { parseHash } from "./router";
import { Shell } from "./Shell";
import { loadPersonas, SignIn, type Persona } from "./SignIn";

type State =
  | { step: "starting" }
  | { step: "failed"; error: unknown }
  | { step: "signIn"; config: TabConfig; host: Host; personas: Promise<Persona[]>; ended?: EndReason }
  | { step: "notInDirectory"; config: TabConfig; host: Host }
  | { step: "ready"; config: TabConfig; host: Host; me: Person; session: Session };

function themeFor(host: Host | undefined) {
  switch (host?.theme) {
    case "dark":
      return teamsDarkTheme;
    case "contrast":
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

/**
 * Start-up: the configuration and the host (asked for by `main.tsx` before the first render), then sign-in (Teams SSO,
 * or a sandbox persona in a browser), then the shell.
 */
export function Root({ startup }: { startup: Promise<[TabConfig, Host]> }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: "starting" });

  const open = useCallback(async (config: TabConfig, host: Host, token: () => Promise<string>, expiresAt: number | null) => {
    const session = new Session({
      token,
      expiresAt,
      idleMinutes: config.idleTimeoutMinutes,
      onEnd: (reason) => setState({ step: "signIn", config, host, personas: loadPersonas(config), ended: reason }),
    });
    try {
      prefetchRoute(parseHash(window.location.hash).path);
      const me = await getMe();
      performance.mark("tp:me");
      if (host.kind === "browser") {
        await i18n.changeLanguage(languageFor(me.preferredLanguage));
      }
      setState({ step: "ready", config, host, me, session });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        session.end("signedOut");
        setState({ step: "notInDirectory", config, host });
      } else {
        session.end("signedOut");
        throw e;
      }
    }
  }, []);

  useEffect(() => {
    (async () => {
      const [config, host] = await startup;
      performance.mark("tp:config");
      // A Teams deep link names its page by the sub-entity: the address becomes that page before sign-in, so the shell
      // opens on it once signed in (in a browser the address already carries its #/route through the sign-in).
      const linked = host.kind === "teams" ? pathForSubPage(host.subPageId) : null;
      if (linked !== null) {
        window.history.replaceState(window.history.state, "", "#" + linked);
      }
      // The code of the page the address names (the dashboard by default) downloads while the person signs in.
      preloadRoute(parseHash(window.location.hash).path);
      // In Teams, the person's own Teams language; in a browser, French first (the directory's language follows sign-in),
      // never the browser's: an en-US browser on a Namur PC still opens in French.
      await i18n.changeLanguage(languageFor(host.kind === "teams" ? host.locale : null));
      if (host.kind === "teams") {
        await open(config, host, teamsToken, null);
      } else {
        // The sandbox's personas are asked for now, while the sign-in page renders.
        setState({ step: "signIn", config, host, personas: loadPersonas(config) });
      }
    })().catch((error: unknown) => setState({ step: "failed", error }));
  }, [open, startup]);

  const host = "host" in state ? state.host : undefined;
  return (
    <FluentProvider theme={themeFor(host)} style={{ minHeight: "100vh" }}>
      {state.step === "starting" && <Loading />}
      {state.step === "failed" && (
        <Page title={t("error.title")}>
          <ErrorBar error={state.error} />
        </Page>
      )}
      {state.step === "signIn" && (
        <SignIn
          config={state.config}
          personas={state.personas}
          ended={state.ended}
          onSignIn={async (objectId) => {
            const sandbox = state.config.sandbox!;
            performance.mark("tp:click");
            const first = await sandboxPersonaToken(sandbox.personaTokenUrlTemplate, objectId, state.config.apiScope);
            performance.mark("tp:token");
            await open(state.config, state.host, async () => first.token, first.expiresAt);
          }}
        />
      )}
      {state.step === "notInDirectory" && (
        <Page title={t("notInDirectory.title")}>
          <ErrorBar error={new ApiError(404, t("notInDirectory.title"), t("notInDirectory.body"))} />
        </Page>
      )}
      {state.step === "ready" && (
        <Shell me={state.me} host={state.host} onSignOut={state.host.kind === "browser" ? () => state.session.end("signedOut") : undefined} />
      )}
    </FluentProvider>
  );
}
