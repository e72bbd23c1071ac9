import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { retryFailedPages } from "./lazyPage";

/**
 * Keeps a page's failure (its code chunk could not be downloaded — a new version was deployed meanwhile, the network
 * dropped — or it threw while rendering) inside the page: the navigation stays, the person is told, and "Try again"
 * renders the page afresh. Keyed by the address in the shell, so leaving the page also clears it.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private retry() {
    retryFailedPages();
    this.setState({ failed: false });
  }

  render() {
    return this.state.failed ? <PageFailed onRetry={() => this.retry()} /> : this.props.children;
  }
}

function PageFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {t("error.page")}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t("error.retry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
