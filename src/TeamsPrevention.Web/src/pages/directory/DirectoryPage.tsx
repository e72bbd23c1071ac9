import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { directoryApi, type Organisation, type Person } from "../../api/directory";
import { Block } from "../../components/Block";
import { dateToInstant, fieldError } from "../../components/forms";
import { formatDate, nameIndex } from "../../components/format";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Page } from "../../components/Page";
import { useAction } from "../../components/useAction";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";
import { isCurrent, mayEditDirectory, mayEditPeople } from "./directoryApi";
import { OrganisationForm, PersonForm } from "./DirectoryForms";

const useStyles = makeStyles({
  roles: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/** What the Admin is editing in a block: nothing, a new entry, or an existing one. */
type Editing<T> = undefined | "new" | T;

/**
 * The directory (Chair, Coordinator, Admin): organisations, people and their roles, deputies. The Admin writes
 * organisations and deputyships (DirectoryPolicies.Admin); the Admin and the Chair create and edit people
 * (DirectoryPolicies.People), each only the roles that are theirs to grant; the others see the same tables without any
 * control.
 */
export function DirectoryPage({ me }: PageProps) {
  const { t } = useTranslation("directory");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const organisations = useApi((s) => directoryApi.organisations(s), []);
  const people = useApi((s) => directoryApi.people(s), []);
  const deputies = useApi((s) => directoryApi.deputies(s), []);
  const orgNames = useMemo(() => nameIndex(organisations.data, (o) => o.name), [organisations.data]);
  const peopleNames = useMemo(() => nameIndex(people.data, (p) => p.displayName), [people.data]);
  const editable = mayEditDirectory(me);
  const peopleEditable = mayEditPeople(me);
  const [organisation, setOrganisation] = useState<Editing<Organisation>>();
  const [person, setPerson] = useState<Editing<Person>>();

  return (
    <Page title={t("title")}>
      <div className={layout.stack}>
        <Block id="organisations" title={t("organisations.title")} loading={organisations.loading && !organisations.data} error={organisations.error}
          empty={(organisations.data ?? []).length === 0 && !editable} emptyText={t("organisations.empty")}>
          <Table aria-label={t("organisations.title")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("organisations.name")}</TableHeaderCell>
                <TableHeaderCell>{t("organisations.key")}</TableHeaderCell>
                <TableHeaderCell>{t("organisations.kind")}</TableHeaderCell>
                {editable && <TableHeaderCell>{t("edit")}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {(organisations.data ?? []).map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{o.name}</TableCell>
                  <TableCell>{o.key}</TableCell>
                  <TableCell>{t(`kind.${o.kind}`)}</TableCell>
                  {editable && (
                    <TableCell>
                      <Button size="small" aria-label={t("organisations.editWho", { name: o.name })} onClick={() => setOrganisation(o)}>
                        {t("edit")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {editable && organisation === undefined && (
            <div>
              <Button onClick={() => setOrganisation("new")}>{t("organisations.add")}</Button>
            </div>
          )}
          {editable && organisation !== undefined && (
            <OrganisationForm
              key={organisation === "new" ? "new" : organisation.id}
              organisation={organisation === "new" ? undefined : organisation}
              onDone={(saved) => {
                setOrganisation(undefined);
                if (saved) {
                  organisations.reload();
                }
              }}
            />
          )}
        </Block>

        <Block id="people" title={t("people.title")} loading={people.loading && !people.data} error={people.error}
          empty={(people.data ?? []).length === 0 && !peopleEditable} emptyText={t("people.empty")}>
          <Table aria-label={t("people.title")} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("people.name")}</TableHeaderCell>
                <TableHeaderCell>{t("people.organisation")}</TableHeaderCell>
                <TableHeaderCell>{t("people.roles")}</TableHeaderCell>
                <TableHeaderCell>{t("people.language")}</TableHeaderCell>
                {peopleEditable && <TableHeaderCell>{t("edit")}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {(people.data ?? []).map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    {p.displayName}{" "}
                    {!p.active && (
                      <Badge appearance="tint" color="subtle">
                        {t("people.inactive")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>{orgNames.get(p.organisationId) ?? "—"}</TableCell>
                  <TableCell>
                    <span className={styles.roles}>
                      {p.roles.map((r) => (
                        <Badge key={r} appearance="tint" color="brand">
                          {t(`role.${r}`)}
                        </Badge>
                      ))}
                    </span>
                  </TableCell>
                  <TableCell>{p.preferredLanguage}</TableCell>
                  {peopleEditable && (
                    <TableCell>
                      <Button size="small" aria-label={t("people.editWho", { name: p.displayName })} onClick={() => setPerson(p)}>
                        {t("edit")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {peopleEditable && person === undefined && (
            <div>
              <Button onClick={() => setPerson("new")}>{t("people.add")}</Button>
            </div>
          )}
          {peopleEditable && person !== undefined && (
            <PersonForm
              me={me}
              key={person === "new" ? "new" : person.id}
              person={person === "new" ? undefined : person}
              organisations={organisations.data ?? []}
              onDone={(saved) => {
                setPerson(undefined);
                if (saved) {
                  people.reload();
                }
              }}
            />
          )}
        </Block>

        <Block id="deputies" title={t("deputies.title")} loading={deputies.loading && !deputies.data} error={deputies.error}>
          <Deputies editable={editable} people={people.data ?? []} peopleNames={peopleNames} deputies={deputies} />
        </Block>
      </div>
    </Page>
  );
}

function Deputies({ editable, people, peopleNames, deputies }: {
  editable: boolean;
  people: Person[];
  peopleNames: Map<string, string>;
  deputies: ReturnType<typeof useApi<Awaited<ReturnType<typeof directoryApi.deputies>>>>;
}) {
  const { t, i18n } = useTranslation("directory");
  const layout = useLayoutStyles();
  const [person, setPerson] = useState("");
  const [deputy, setDeputy] = useState("");
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const { busy, error, run } = useAction(deputies.reload);
  const list = deputies.data ?? [];
  const now = new Date();

  const picker = (label: string, value: string, set: (v: string) => void, field: string) => (
    <Field label={label} required validationMessage={fieldError(error, field)}>
      <Dropdown value={value ? peopleNames.get(value) ?? "" : ""} selectedOptions={value ? [value] : []} onOptionSelect={(_, d) => set(d.optionValue ?? "")}>
        {people.filter((p) => p.active).map((p) => (
          <Option key={p.id} value={p.id}>
            {p.displayName}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <>
      {list.length === 0 ? (
        <Text>{t("deputies.empty")}</Text>
      ) : (
        <Table aria-label={t("deputies.title")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("deputies.person")}</TableHeaderCell>
              <TableHeaderCell>{t("deputies.deputy")}</TableHeaderCell>
              <TableHeaderCell>{t("deputies.from")}</TableHeaderCell>
              <TableHeaderCell>{t("deputies.until")}</TableHeaderCell>
              {editable && <TableHeaderCell>{t("deputies.remove")}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  {peopleNames.get(d.personId) ?? "—"}{" "}
                  {isCurrent(d, now) && (
                    <Badge appearance="tint" color="success">
                      {t("deputies.current")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{peopleNames.get(d.deputyId) ?? "—"}</TableCell>
                <TableCell>{formatDate(d.validFrom, i18n.language)}</TableCell>
                <TableCell>{formatDate(d.validUntil, i18n.language)}</TableCell>
                {editable && (
                  <TableCell>
                    <Button size="small" disabled={busy}
                      aria-label={t("deputies.removeWho", { person: peopleNames.get(d.personId) ?? "", deputy: peopleNames.get(d.deputyId) ?? "" })}
                      onClick={() => void run(() => directoryApi.deleteDeputyship(d.id))}>
                      {t("deputies.remove")}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable && (
        <form className={layout.form} aria-labelledby="deputy-add-title" data-step="add-deputy"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => directoryApi.createDeputyship({ personId: person, deputyId: deputy, validFrom: dateToInstant(from), validUntil: dateToInstant(until) }), () => {
              setPerson("");
              setDeputy("");
              setFrom("");
              setUntil("");
            });
          }}>
          <Text as="h3" weight="semibold" id="deputy-add-title">
            {t("deputies.add")}
          </Text>
          {picker(t("deputies.person"), person, setPerson, "personId")}
          {picker(t("deputies.deputy"), deputy, setDeputy, "deputyId")}
          <Field label={t("deputies.from")} validationMessage={fieldError(error, "validFrom")}>
            <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
          </Field>
          <Field label={t("deputies.until")} validationMessage={fieldError(error, "validUntil")}>
            <Input type="date" value={until} onChange={(_, d) => setUntil(d.value)} />
          </Field>
          <ErrorBar error={error} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t("deputies.addSubmit")}
            </Button>
          </div>
        </form>
      )}
      {!editable && <ErrorBar error={error} />}
    </>
  );
}
