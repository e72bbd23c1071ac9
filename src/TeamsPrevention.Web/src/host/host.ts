/** Where the tab runs: inside a Microsoft 365 host (Teams, Outlook, microsoft365.com) or in a plain browser. */
export interface Host {
  kind: "teams" | "browser";
  /** The host's UI locale (Teams' `app.locale`), if any. */
  locale?: string;
  /** The Teams theme: default, dark or contrast. */
  theme?: string;
  /** In a channel tab: the configured entity (`situation:CODE`). */
  entityId?: string;
  /** The sub-entity a Teams deep link opened the tab with: the page's hash route (`alerts/3f…`), see `deepLink.ts`. */
  subPageId?: string;
}

/**
 * Decides the host without waiting on teams-js outside Teams: a top-level page with no opener and no mobile bridge is
 * a plain browser; otherwise `app.initialize()` is raced against a short timeout (inside a non-Teams frame it would
 * hang for its hard-coded 60 s).
 */
export async function detectHost(timeoutMs = 4000, win: Window = window): Promise<Host> {
  const framed = win.self !== win.top;
  const bridged = "nativeInterface" in win;
  if (!framed && !win.opener && !bridged) {
    return { kind: "browser" };
  }
  try {
    // teams-js is fetched only inside a host (a chunk of its own): a plain browser never loads it.
    const { app } = await import("@microsoft/teams-js");
    await withTimeout(app.initialize(), timeoutMs);
    const context = await withTimeout(app.getContext(), timeoutMs);
    return {
      kind: "teams",
      locale: context.app.locale,
      theme: context.app.theme,
      entityId: context.page.id,
      subPageId: context.page.subPageId || undefined,
    };
  } catch {
    return { kind: "browser" };
  }
}

/** Teams single sign-on: the host's token for this app's API (`webApplicationInfo`), validated by the App. */
export async function teamsToken(): Promise<string> {
  const { authentication } = await import("@microsoft/teams-js");
  return authentication.getAuthToken();
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
