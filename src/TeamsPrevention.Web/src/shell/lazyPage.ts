import { createElement, lazy, type ComponentType } from "react";
import type { PageProps } from "./types";

/** A page whose code is a chunk of its own, fetched the first time it is shown (or earlier, by `preload`). */
export type LazyPage = ComponentType<PageProps> & { preload: () => Promise<unknown> };

const failed = new Set<() => void>();

/** Lets every page whose code could not be downloaded try again on its next render (the shell's "Try again"). */
export function retryFailedPages(): void {
  failed.forEach((reset) => reset());
  failed.clear();
}

/**
 * `lazyPage(() => import("./AlertsPage"), "AlertsPage")`: the area's page in its own chunk, so the sign-in page and the
 * dashboard load only what they show. `preload` starts the download without rendering (the shell calls it for the
 * page the address names while the person signs in).
 *
 * A failed download is shown by the shell's `PageErrorBoundary`, whose "Try again" downloads it again.
 * Once the chunk is in, the page renders straight away. Only a page still downloading goes through `React.lazy` and
 * suspends: a suspended boundary holds its content back for 300 ms after showing its fallback (React's throttle
 * against flicker), which a preloaded page must not pay.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  let loaded: ComponentType<PageProps> | undefined;
  let pending: Promise<ComponentType<PageProps>> | undefined;
  const downloading = () => lazy(async () => ({ default: await once() }));
  let Downloading = downloading();
  const once = () =>
    (pending ??= load().then(
      (m) => (loaded = m[name] as ComponentType<PageProps>),
      (error: unknown) => {
        // React.lazy keeps a failure for good: a new one is made when the person asks to try again (never by itself,
        // so a chunk that is gone is not asked for in a loop).
        failed.add(() => {
          pending = undefined;
          Downloading = downloading();
        });
        throw error;
      },
    ));
  const page = ((props: PageProps) => createElement(loaded ?? Downloading, props)) as LazyPage;
  page.displayName = `LazyPage(${name})`;
  page.preload = once;
  return page;
}
