import { Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button, Link, makeStyles, mergeClasses, Select, Text, tokens } from "@fluentui/react-components";
import type { Person } from "../api/directory";
import type { Host } from "../host/host";
import { languageNames, languages } from "../i18n/i18n";
import { Loading, Page } from "../components/Page";
import { areas, findRoute } from "./areas";
import { PageErrorBoundary } from "./PageErrorBoundary";
import { href, useLocation } from "./router";
import { allowed } from "./types";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: "wrap",
  },
  brand: { fontWeight: tokens.fontWeightSemibold },
  nav: { flexGrow: 1 },
  links: { display: "flex", gap: tokens.spacingHorizontalL, listStyle: "none", margin: 0, padding: 0, flexWrap: "wrap" },
  link: { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: "2px solid transparent" },
  current: { borderBottomColor: tokens.colorBrandStroke1, fontWeight: tokens.fontWeightSemibold },
  language: { minWidth: "120px" },
});

/** The navigation the person's roles open, and the page the address names. */
export function Shell({ me, host, onSignOut }: { me: Person; host: Host; onSignOut?: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const location = useLocation();

  const nav = useMemo(
    () => areas.flatMap((a) => (a.nav && allowed(a.nav.roles, me) ? [a.nav] : [])).sort((a, b) => a.order - b.order),
    [me],
  );
  const current = nav
    .filter((n) => location.path === n.path || (n.path !== "/" && location.path.startsWith(n.path + "/")))
    .sort((a, b) => b.path.length - a.path.length)[0];

  const match = useMemo(() => findRoute(location.path), [location.path]);

  let content;
  if (!match) {
    content = (
      <Page title={t("notFound.title")}>
        <Text>{t("notFound.body")}</Text>
      </Page>
    );
  } else if (!allowed(match.route.roles, me)) {
    content = (
      <Page title={t("forbidden.title")}>
        <Text>{t("forbidden.body")}</Text>
      </Page>
    );
  } else {
    const Component = match.route.component;
    // Each page is a chunk of its own: the first visit fetches it (a labelled spinner meanwhile).
    content = (
      <PageErrorBoundary key={location.path}>
        <Suspense fallback={<Loading />}>
          <Component me={me} host={host} params={match.params} query={location.query} />
        </Suspense>
      </PageErrorBoundary>
    );
  }

  return (
    <>
      <header className={styles.bar}>
        <Text className={styles.brand}>TeamsPrevention</Text>
        <nav className={styles.nav} aria-label={t("nav.label")}>
          <ul className={styles.links}>
            {nav.map((n) => (
              <li key={n.path}>
                <Link
                  href={href(n.path)}
                  appearance="subtle"
                  className={mergeClasses(styles.link, n === current && styles.current)}
                  aria-current={n === current ? "page" : undefined}
                >
                  {t(n.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {/* A native select: reliable with keyboards, screen readers and Teams' mobile webviews. */}
        <Select
          className={styles.language}
          aria-label={t("language")}
          value={i18n.language}
          onChange={(_, d) => void i18n.changeLanguage(d.value)}
        >
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </Select>
        {onSignOut && (
          <Button appearance="subtle" onClick={onSignOut}>
            {t("signOut")}
          </Button>
        )}
      </header>
      {content}
    </>
  );
}
