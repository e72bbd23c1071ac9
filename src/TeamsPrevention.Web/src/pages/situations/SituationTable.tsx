import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { SituationSummary } from "../../api/situations";
import { formatDate } from "../../components/format";
import { href } from "../../shell/router";
import { isOverdue, nextDate, pageOf } from "./rules";

const useStyles = makeStyles({
  pager: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** A situation's status as a badge, in the reader's language. */
export function StatusBadge({ status }: { status: SituationSummary["status"] }) {
  const { t } = useTranslation("situations");
  const color = status === "Included" ? "brand" : status === "Signalled" || status === "Screening" ? "warning" : "informative";
  return (
    <Badge appearance="tint" color={color}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/**
 * Situations as a table of codes, statuses and next dates, overdue ones flagged, `pageSize` rows at a time: a list of
 * 1,000 renders as fast as a list of 20.
 */
export function SituationTable({ situations, pageSize = 20, label }: { situations: SituationSummary[]; pageSize?: number; label: string }) {
  const { t, i18n } = useTranslation("situations");
  const styles = useStyles();
  const [page, setPage] = useState(0);
  const shown = pageOf(situations, page, pageSize);
  return (
    <>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("columns.code")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.nextReview")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.channel")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.rows.map((s) => (
            <TableRow key={s.code} data-code={s.code}>
              <TableCell>
                <Link href={href("/situations", s.code)}>{s.code}</Link>
              </TableCell>
              <TableCell>
                <StatusBadge status={s.status} />
              </TableCell>
              <TableCell>
                {formatDate(nextDate(s), i18n.language)}{" "}
                {isOverdue(s) && (
                  <Badge appearance="filled" color="danger">
                    {s.afterCareOverdue ? t("overdueAfterCare") : t("overdue")}
                  </Badge>
                )}
              </TableCell>
              <TableCell>{t(`channel.${s.channel}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown.pages > 1 && (
        <nav className={styles.pager} aria-label={t("pager.label")}>
          <Button size="small" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
            {t("pager.previous")}
          </Button>
          <Text>{t("pager.position", { page: shown.page + 1, pages: shown.pages, count: situations.length })}</Text>
          <Button size="small" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)}>
            {t("pager.next")}
          </Button>
        </nav>
      )}
    </>
  );
}
