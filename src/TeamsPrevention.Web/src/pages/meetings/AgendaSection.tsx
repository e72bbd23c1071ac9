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
import { formatDate } from "../../components/format";
import { mayAddItems, meetingsApi, type AgendaItemView, type MeetingView } from "./types";

/** The agenda as the API shows it to this person: codes they may see, and how many others ("N points réservés"). */
export function AgendaSection({ me, meeting, names, secrecyAt }: { me: Person; meeting: MeetingView; names: Map<string, string>; secrecyAt?: string }) {
  const { t, i18n } = useTranslation("meetings");
  const layout = useLayoutStyles();
  const agenda = useApi((signal) => meetingsApi.agenda(meeting.id, signal), [meeting.id, secrecyAt]);
  const [open, setOpen] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [code, setCode] = useState("");
  const situations = useApi(
    (signal) => (meeting.kind === "Case" && mayAddItems(me) ? meetingsApi.situations(signal) : Promise.resolve([])),
    [meeting.kind],
  );
  const all = agenda.data?.items ?? [];
  const items = all.filter((i) => !i.restricted);
  const reserved = all.length - items.length;
  const openItem = items.find((i) => i.id === open);

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
      {agenda.data && meeting.kind === "Case" && all.length === 0 && <Text>{t("agenda.empty")}</Text>}
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
      {reserved > 0 && (
        <Text italic title={t("agenda.reservedHint")}>
          {t("agenda.reserved", { count: reserved })}
        </Text>
      )}
      {meeting.kind === "Case" && meeting.status === "Scheduled" && mayAddItems(me) && (
        <ProposalBlock meetingId={meeting.id} language={i18n.language} refreshKey={agenda.data} onAccepted={agenda.reload} />
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

/** The reviews due before this case meeting for its attendees and not yet on its agenda, offered in one click. */
function ProposalBlock({ meetingId, language, refreshKey, onAccepted }: { meetingId: string; language: string; refreshKey: unknown; onAccepted: () => void }) {
  const { t } = useTranslation("meetings");
  const layout = useLayoutStyles();
  const proposal = useApi((signal) => meetingsApi.proposal(meetingId, signal), [meetingId, refreshKey]);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!proposal.data || proposal.data.total === 0) {
    return <ErrorBar error={proposal.error} />;
  }

  const accept = async () => {
    setFailure(undefined);
    setBusy(true);
    try {
      await meetingsApi.acceptProposal(meetingId);
      onAccepted();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const { visible, restricted, total } = proposal.data;
  return (
    <section className={layout.section} aria-labelledby="agenda-proposal">
      <Subtitle2 as="h3" id="agenda-proposal">
        {t("agenda.proposalTitle")}
      </Subtitle2>
      <Text>{t("agenda.proposalText", { count: total })}</Text>
      {visible.length > 0 && (
        <ul>
          {visible.map((v) => (
            <li key={v.code}>{t("agenda.proposalDue", { code: v.code, date: formatDate(v.dueAt, language) })}</li>
          ))}
        </ul>
      )}
      {restricted > 0 && <Text italic>{t("agenda.reserved", { count: restricted })}</Text>}
      <ErrorBar error={failure} />
      <div className={layout.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void accept()}>
          {t("agenda.proposalAccept")}
        </Button>
      </div>
    </section>
  );
}

function AgendaRow({ item, open, onOpen }: { item: AgendaItemView; open: boolean; onOpen: () => void }) {
  const { t } = useTranslation("meetings");
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{item.label}</Text>
      </TableCell>
      <TableCell>{item.source ? t(`source.${item.source}`) : "—"}</TableCell>
      <TableCell>{item.present ? t("agenda.yes") : t("agenda.no")}</TableCell>
      <TableCell>{item.hasMinutes ? <Badge appearance="tint" color="success">{t("agenda.recorded")}</Badge> : t("agenda.notRecorded")}</TableCell>
      <TableCell>
        <Button size="small" aria-expanded={open} onClick={onOpen}>
          {open ? t("agenda.close") : t("agenda.open", { code: item.label })}
        </Button>
      </TableCell>
    </TableRow>
  );
}
