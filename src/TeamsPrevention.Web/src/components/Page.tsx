import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title2, tokens } from "@fluentui/react-components";
import { ApiError } from "../api/client";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXL, maxWidth: "1200px" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  title: { margin: 0, flexGrow: 1 },
});

/**
 * A page: its heading (an h1) and the document title, both from the page's own texts — never a name or any
 * personal data (a situation page's title is its code at most).
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  useEffect(() => {
    document.title = `${title} — TeamsPrevention`;
  }, [title]);
  return (
    <main className={styles.page} aria-labelledby="page-title">
      <div className={styles.header}>
        <Title2 as="h1" id="page-title" className={styles.title}>
          {title}
        </Title2>
        {actions}
      </div>
      {children}
    </main>
  );
}

/** An API error as the App wrote it (ProblemDetails title and detail, already in French). */
export function ErrorBar({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  const title = error instanceof ApiError ? error.title : t("error.title");
  const detail = error instanceof ApiError ? error.detail : t("error.network");
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {detail}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t("loading")} />;
}

/** Said plainly where a page's backend does not exist yet: no invented data, ever. */
export function NotBuiltYet({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{t("notBuilt.title")}</MessageBarTitle>
        {t("notBuilt.body", { what })}
      </MessageBarBody>
    </MessageBar>
  );
}
