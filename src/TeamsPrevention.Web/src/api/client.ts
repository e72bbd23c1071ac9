/**
 * The App's JSON API. Every request carries the signed-in person's token (kept in memory only) and every error
 * arrives as a ProblemDetails, surfaced as an {@link ApiError} whose `title`/`detail` the App already wrote in French.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
    public readonly errors?: Record<string, string[]>,
    /** The problem document's other members (e.g. `personalData` on a 422), as the App sent them. */
    public readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ? `${title} — ${detail}` : title);
  }
}

type TokenSource = () => Promise<string>;
type Listener = () => void;

let tokenSource: TokenSource | null = null;
const unauthorisedListeners = new Set<Listener>();
const activityListeners = new Set<Listener>();

/** Set by the session once someone is signed in; cleared on sign-out. */
export function setTokenSource(source: TokenSource | null): void {
  tokenSource = source;
  early.clear();
}

/**
 * GET answers asked for ahead of the page that will want them (the landing page's lists, asked for together with
 * `/api/directory/me` at sign-in): the page's own GET of the same path, within {@link earlyMs}, takes that answer
 * instead of asking again — once. Kept in memory only, dropped at sign-out.
 */
const early = new Map<string, { at: number; answer: Promise<unknown> }>();
export const earlyMs = 10_000;

function takeEarly(path: string): Promise<unknown> | undefined {
  const entry = early.get(path);
  early.delete(path);
  return entry && performance.now() - entry.at <= earlyMs ? entry.answer : undefined;
}

/** Called when the API answers 401: the session is over. */
export function onUnauthorised(listener: Listener): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

/** Called on every request: the session's idle clock. */
export function onActivity(listener: Listener): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Accept header; `application/json` unless told otherwise. */
  accept?: string;
}

async function send(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<Response> {
  if (!tokenSource) {
    throw new ApiError(401, "Non connecté");
  }
  activityListeners.forEach((l) => l());
  const token = await tokenSource();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    Accept: options.accept ?? "application/json",
  };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
    credentials: "omit",
    cache: "no-store",
  });
  if (!response.ok) {
    if (response.status === 401) {
      unauthorisedListeners.forEach((l) => l());
    }
    throw await toError(response);
  }
  return response;
}

async function toError(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; errors?: Record<string, string[]>; [member: string]: unknown } = {};
  try {
    if ((response.headers.get("Content-Type") ?? "").includes("json")) {
      problem = await response.json();
    }
  } catch {
    // not a ProblemDetails
  }
  const { title, detail, errors, ...extensions } = problem;
  return new ApiError(response.status, title ?? defaultTitle(response.status), detail, errors, extensions);
}

function defaultTitle(status: number): string {
  switch (status) {
    case 401:
      return "Session expirée";
    case 403:
      return "Accès refusé";
    case 404:
      return "Introuvable";
    case 409:
      return "Conflit";
    default:
      return status >= 500 ? "Erreur du serveur" : "Requête refusée";
  }
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, options?: RequestOptions) => {
    const ahead = takeEarly(path);
    if (ahead) {
      try {
        return (await ahead) as T;
      } catch {
        // the early request failed: asked again below, so the page shows its own request's outcome
      }
    }
    return json<T>(await send("GET", path, undefined, options));
  },
  /** Starts a GET now for a page about to ask for it (see {@link early}). */
  prefetch: (path: string) => {
    const answer = send("GET", path).then((r) => json<unknown>(r));
    answer.catch(() => undefined);
    early.set(path, { at: performance.now(), answer });
  },
  post: async <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>(await send("POST", path, body ?? {}, options)),
  put: async <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>(await send("PUT", path, body ?? {}, options)),
  delete: async <T>(path: string, options?: RequestOptions) => json<T>(await send("DELETE", path, undefined, options)),
  /** A file the API writes (CSV, printable HTML): fetched with the token, handed to the browser as a download. */
  download: async (path: string, fileName: string, accept = "*/*") => {
    const response = await send("GET", path, undefined, { accept });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  /** A document the API writes (printable minutes): opened in a new window from a blob, never from a URL with data in it. */
  openDocument: async (path: string) => {
    const response = await send("GET", path, undefined, { accept: "text/html" });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    window.open(url, "_blank", "noopener");
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};
