import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Field,
  Input,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import type { Person } from "../../api/directory";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Loading } from "../../components/Page";
import { useApi } from "../../components/useApi";
import { ItemPanel } from "./ItemPanel";
import { mayAddItems, meetingsApi, type AgendaItemView, type MeetingView } from "./types";

/** The agenda as the API shows it to this person: codes they may see, "Point réservé" (in the page's language) for the others. */
export function AgendaSection({ me, meeting, names, secrecyAt }: { me: Person; meeting: MeetingView; names: Map<string, string>; secrecyAt?: string }) {
  const { t } = useTranslation("meetings");
  const layout = useLayoutStyles();
  const agenda = useApi((signal) => meetingsApi.agenda(meeting.id, signal), [meeting.id, secrecyAt]);
  const [open, setOpen] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [code, setCode] = useState("");
  const situations = useApi(
    (signal) => (meeting.kind === "Case" && mayAddItems(me) ? meetingsApi.situations(signal) : Promise.resolve([])),
    [meeting.kind],
  );
  const items = agenda.data?.items ?? [];
  const openItem = items.find((i) => i.id === open && !i.restricted);

  const add = async () => {
    setFailure(undefined);
    try {
      await meetingsApi.addItem(meeting.id, code.trim());
      setCode("");
      agenda.reload();
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className={layout.section} aria-labelledby="meeting-agenda">
      <Subtitle1 as="h2" id="meeting-agenda">
        {t("agenda.title")}
      </Subtitle1>
      {meeting.kind === "Platform" && <Text>{t("agenda.platform")}</Text>}
      <ErrorBar error={agenda.error} />
      <ErrorBar error={failure} />
      {!agenda.data && !agenda.error && <Loading />}
      {agenda.data && meeting.kind === "Case" && items.length === 0 && <Text>{t("agenda.empty")}</Text>}
      {items.length > 0 && (
        <Table aria-labelledby="meeting-agenda" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("agenda.item")}</TableHeaderCell>
              <TableHeaderCell>{t("agenda.source")}</TableHeaderCell>
              <TableHeaderCell>{t("agenda.present")}</TableHeaderCell>
              <TableHeaderCell>{t("agenda.minutes")}</TableHeaderCell>
              <TableHeaderCell>{t("agenda.actions")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <AgendaRow key={item.id} item={item} open={open === item.id} onOpen={() => setOpen(open === item.id ? undefined : item.id)} />
            ))}
          </TableBody>
        </Table>
      )}
      {meeting.kind === "Case" && meeting.status === "Scheduled" && mayAddItems(me) && (
        <div className={layout.row}>
          <Field label={t("agenda.addCode")} hint={t("agenda.addHint")}>
            <Input value={code} list="agenda-codes" autoComplete="off" onChange={(_, d) => setCode(d.value.toUpperCase())} />
          </Field>
          <datalist id="agenda-codes">
            {(situations.data ?? [])
              .filter((s) => s.status === "Included")
              .map((s) => (
                <option key={s.code} value={s.code} />
              ))}
          </datalist>
          <Button disabled={!code.trim()} onClick={() => void add()}>
            {t("agenda.add")}
          </Button>
        </div>
      )}
      {openItem && (
        <>
          <Subtitle2 as="h3">{t("agenda.itemTitle", { code: openItem.label })}</Subtitle2>
          <ItemPanel me={me} meeting={meeting} item={openItem} names={names} onChanged={agenda.reload} />
        </>
      )}
    </section>
  );
}

function AgendaRow({ item, open, onOpen }: { item: AgendaItemView; open: boolean; onOpen: () => void }) {
  const { t } = useTranslation("meetings");
  return (
    <TableRow>
      <TableCell>{item.restricted ? <Text italic>{t("agenda.restricted")}</Text> : <Text weight="semibold">{item.label}</Text>}</TableCell>
      <TableCell>{item.source ? t(`source.${item.source}`) : "—"}</TableCell>
      <TableCell>{item.restricted ? "—" : item.present ? t("agenda.yes") : t("agenda.no")}</TableCell>
      <TableCell>
        {item.restricted ? "—" : item.hasMinutes ? <Badge appearance="tint" color="success">{t("agenda.recorded")}</Badge> : t("agenda.notRecorded")}
      </TableCell>
      <TableCell>
        {!item.restricted && (
          <Button size="small" aria-expanded={open} onClick={onOpen}>
            {open ? t("agenda.close") : t("agenda.open", { code: item.label })}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

