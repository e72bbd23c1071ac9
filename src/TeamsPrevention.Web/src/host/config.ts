/** What `GET /tab-config.json` answers (anonymous): nothing about any person. */
export interface TabConfig {
  clientId: string;
  tenantId: string;
  apiScope: string;
  idleTimeoutMinutes: number;
  sandbox: { personasUrl: string; personaTokenUrlTemplate: string; inboxUrl: string } | null;
  /** The app's id in Teams when the App's links open Teams (null in the sandbox). */
  teamsAppId?: string | null;
}

export async function loadConfig(): Promise<TabConfig> {
  const response = await fetch("/tab-config.json", { cache: "no-store", credentials: "omit" });
  if (!response.ok) {
    throw new Error(`tab-config.json: ${response.status}`);
  }
  return (await response.json()) as TabConfig;
}
