import { beforeEach, describe, expect, it, vi } from "vitest";
import { Suspense } from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import type { PageProps } from "./types";
import { lazyPage, retryFailedPages } from "./lazyPage";
import { PageErrorBoundary } from "./PageErrorBoundary";

const props: PageProps = {
  me: { id: "p", entraObjectId: "o", displayName: "Marc Lambert", preferredLanguage: "fr", organisationId: "cell", active: true, roles: [] },
  host: { kind: "browser" },
  params: {},
  query: new URLSearchParams(),
};

function Hello() {
  return <p>Page chargée</p>;
}

function show(Page: ReturnType<typeof lazyPage>) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <PageErrorBoundary>
        <Suspense fallback={<p>Chargement</p>}>
          <Page {...props} />
        </Suspense>
      </PageErrorBoundary>
    </FluentProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", class {
    observe() {}
    unobserve() {}
    disconnect() {}
  });
});

describe("lazy pages", () => {
  it("renders a preloaded page at once, without a loading state", async () => {
    const Page = lazyPage(async () => ({ Hello }), "Hello");
    await Page.preload();
    show(Page);
    expect(screen.getByText("Page chargée")).toBeTruthy();
    expect(screen.queryByText("Chargement")).toBeNull();
  });

  it("says when the page's code could not be downloaded, and downloads it again on « Réessayer »", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined); // React reports the caught error
    const load = vi.fn().mockRejectedValueOnce(new Error("chunk 404")).mockResolvedValue({ Hello });
    const Page = lazyPage(load, "Hello");
    show(Page);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByText(/Cette page n'a pas pu s'ouvrir/)).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1); // not asked for again by itself

    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByText("Page chargée")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it("downloads again on first render when the preload during sign-in failed", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValue({ Hello });
    const Page = lazyPage(load, "Hello");
    await Page.preload().catch(() => retryFailedPages()); // what the shell's preloadRoute does
    show(Page);
    expect(await screen.findByText("Page chargée")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
