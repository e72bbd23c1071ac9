import type { ReactNode } from "react";
import { makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import { ErrorBar, Loading } from "./Page";

const useStyles = makeStyles({
  block: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
});

/**
 * A titled part of a page (an h2) that says plainly whether it is loading, failed, or has nothing to show, so no
 * block ever stays silently blank.
 */
export function Block({
  id,
  title,
  loading,
  error,
  empty,
  emptyText,
  actions,
  children,
}: {
  id: string;
  title: string;
  loading?: boolean;
  error?: unknown;
  empty?: boolean;
  emptyText?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStyles();
  let body: ReactNode;
  if (error) {
    body = <ErrorBar error={error} />;
  } else if (loading) {
    body = <Loading />;
  } else if (empty) {
    body = <Text>{emptyText}</Text>;
  } else {
    body = children;
  }
  return (
    <section className={styles.block} aria-labelledby={`${id}-title`} data-block={id} aria-busy={loading && !error ? true : undefined}>
      <Subtitle1 as="h2" id={`${id}-title`} className={styles.heading}>
        {title}
      </Subtitle1>
      {actions}
      {body}
    </section>
  );
}
