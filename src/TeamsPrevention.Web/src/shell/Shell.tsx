import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Button, Dropdown, Link, makeStyles, mergeClasses, Option, Text, tokens } from "@fluentui/react-components";
import type { Person } from "../api/directory";
import type { Host } from "../host/host";
import { languages } from "../i18n/i18n";
import { Page } from "../components/Page";
import { areas } from "./areas";
import { href, matchPath, useLocation } from "./router";
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

const languageNames: Record<string, string> = { fr: "Français", nl: "Nederlands", de: "Deutsch", en: "English" };

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

  const match = useMemo(() => {
    for (const area of areas) {
      for (const route of area.routes) {
        const params = matchPath(route.path, location.path);
        if (params) {
          return { route, params };
        }
      }
    }
    return null;
  }, [location.path]);

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
    content = <Component me={me} host={host} params={match.params} query={location.query} />;
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
        <Dropdown
          className={styles.language}
          aria-label={t("language")}
          value={languageNames[i18n.language] ?? languageNames.fr}
          selectedOptions={[i18n.language]}
          onOptionSelect={(_, d) => d.optionValue && void i18n.changeLanguage(d.optionValue)}
        >
          {languages.map((l) => (
            <Option key={l} value={l} lang={l}>
              {languageNames[l]}
            </Option>
          ))}
        </Dropdown>
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
