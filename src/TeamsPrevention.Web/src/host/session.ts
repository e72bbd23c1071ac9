import { onActivity, onUnauthorised, setTokenSource } from "../api/client";

/**
 * The signed-in session, in memory only: no token, name or identifier ever goes to localStorage, sessionStorage,
 * cookies or the URL. It ends when the token expires, after `idleMinutes` without any API request, on a 401, or on
 * sign-out; `onEnd` is then told why.
 */
export type EndReason = "expired" | "idle" | "signedOut";

export interface SessionOptions {
  /** Gives a valid token (fetching a new one when needed). */
  token: () => Promise<string>;
  /** When the current token stops being valid (ms since epoch); null when the host renews it (Teams SSO). */
  expiresAt: number | null;
  idleMinutes: number;
  onEnd: (reason: EndReason) => void;
  now?: () => number;
  /** How often the idle and expiry clocks are checked. */
  tickMs?: number;
}

export class Session {
  private lastActivity: number;
  private ended = false;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly unsubscribe: Array<() => void>;
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
    setTokenSource(() => this.token());
    this.unsubscribe = [onActivity(() => this.touch()), onUnauthorised(() => this.end("expired"))];
    this.timer = setInterval(() => this.check(), options.tickMs ?? 15_000);
  }

  get isActive(): boolean {
    return !this.ended;
  }

  /** Records activity (a request, a click): resets the idle clock. */
  touch(): void {
    this.lastActivity = this.now();
  }

  /** Ends the session now if it is idle or its token expired; answers whether it is still active. */
  check(): boolean {
    if (this.ended) {
      return false;
    }
    const now = this.now();
    if (this.options.expiresAt !== null && now >= this.options.expiresAt) {
      this.end("expired");
    } else if (now - this.lastActivity >= this.options.idleMinutes * 60_000) {
      this.end("idle");
    }
    return !this.ended;
  }

  end(reason: EndReason): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    clearInterval(this.timer);
    this.unsubscribe.forEach((u) => u());
    setTokenSource(null);
    this.options.onEnd(reason);
  }

  private async token(): Promise<string> {
    if (!this.check()) {
      throw new Error("session ended");
    }
    return this.options.token();
  }
}

/** A sandbox persona's sign-in: a token for the App's API from the sandbox tenant's identity. */
export async function sandboxPersonaToken(
  tokenUrlTemplate: string,
  objectId: string,
  scope: string,
): Promise<{ token: string; expiresAt: number }> {
  const response = await fetch(tokenUrlTemplate.replace("{objectId}", encodeURIComponent(objectId)), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ scope }).toString(),
    credentials: "omit",
    cache: "no-store",
  });
  if (!response.ok) {
    throw new Error(`sign-in refused (${response.status})`);
  }
  const body = (await response.json()) as { access_token: string; expires_in: number };
  // A minute's margin so a request never leaves with a token about to expire.
  return { token: body.access_token, expiresAt: Date.now() + (body.expires_in - 60) * 1000 };
}
