import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { directoryApi, type Person, type Role } from "../../api/directory";
import { situationsApi, type ActionStatus, type SituationDetail } from "../../api/situations";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { formatDate, formatDateTime, nameIndex, toDateInput } from "../../components/format";
import { useLayoutStyles } from "../../components/layout";
import { useAction } from "../../components/useAction";
import { useApi } from "../../components/useApi";
import type { PageProps } from "../../shell/types";
import { Block } from "../../components/Block";
import { dateToInstant, fieldError, isFormLevel } from "../../components/forms";
import { errorOtherThanWarning } from "../../components/personalData";
import { PersonalDataBar, useFieldNotice } from "../../components/PersonalDataWarning";
import { IdentityBlock } from "./IdentityBlock";
import { stepsOpen, type Step } from "./rules";
import { StatusBadge } from "./SituationTable";
import { timeline } from "./timeline";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const cellWorkers: Role[] = ["Coordinator", "Referent", "PoliceReferent", "Secretary"];

/** One situation, by code: what the API lets me see of it and the steps open to me. Its title is its code, never a name. */
export function SituationPage({ me, params }: PageProps) {
  const code = params.code;
  // A new code is a new page: nothing revealed for one situation survives into another.
  return <SituationView key={code} me={me} code={code} />;
}

function SituationView({ me, code }: { me: Person; code: string }) {
  const { t } = useTranslation("situations");
  const layout = useLayoutStyles();
  const detail = useApi((s) => situationsApi.get(code, s), [code]);
  const notFound = detail.error instanceof ApiError && detail.error.status === 404;

  if (notFound) {
    return (
      <Page title={t("notFound.title")}>
        <Text>{t("notFound.body")}</Text>
        {me.roles.some((r) => cellWorkers.includes(r)) && <BreakGlass code={code} onDone={detail.reload} />}
      </Page>
    );
  }

  const d = detail.data;
  return (
    <Page title={t("detail.title", { code })}>
      {detail.error ? <ErrorBar error={detail.error} /> : null}
      {!d ? (
        detail.error ? null : <Loading />
      ) : (
        <div className={layout.stack}>
          <Overview d={d} />
          {d.summary.access === "metadata" ? (
            <MessageBar intent="info">
              <MessageBarBody>{t("detail.metadataOnly")}</MessageBarBody>
            </MessageBar>
          ) : (
            <Content me={me} code={code} d={d} reload={detail.reload} />
          )}
        </div>
      )}
    </Page>
  );
}

function Overview({ d }: { d: SituationDetail }) {
  const { t, i18n } = useTranslation("situations");
  const layout = useLayoutStyles();
  const s = d.summary;
  return (
    <Block id="overview" title={t("detail.overview")}>
      <dl className={layout.facts}>
        <dt className={layout.term}>{t("columns.status")}</dt>
        <dd>
          <StatusBadge status={s.status} />
        </dd>
        <dt className={layout.term}>{t("detail.createdAt")}</dt>
        <dd>{formatDateTime(s.createdAt, i18n.language)}</dd>
        <dt className={layout.term}>{t("columns.nextReview")}</dt>
        <dd>
          {formatDate(s.nextReviewAt ?? s.nextAfterCareAt, i18n.language)}{" "}
          {(s.reviewOverdue || s.afterCareOverdue) && (
            <Badge appearance="filled" color="danger">
              {s.afterCareOverdue ? t("overdueAfterCare") : t("overdue")}
            </Badge>
          )}
        </dd>
        <dt className={layout.term}>{t("columns.channel")}</dt>
        <dd>
          {d.channelLink ? (
            <Link href={d.channelLink} target="_blank" rel="noopener noreferrer" data-channel-link="">
              {t("detail.openChannel")}
            </Link>
          ) : (
            t(`channel.${s.channel}`)
          )}
          {d.channelProblem && <Text> — {d.channelProblem}</Text>}
        </dd>
      </dl>
    </Block>
  );
}

function Content({ me, code, d, reload }: { me: Person; code: string; d: SituationDetail; reload: () => void }) {
  const { t, i18n } = useTranslation("situations");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const open = useMemo(() => new Set(stepsOpen(me.roles, d.summary.status, d.summary.access)), [me.roles, d.summary.status, d.summary.access]);
  const organisations = useApi((s) => directoryApi.organisations(s), []);
  const people = useApi((s) => directoryApi.people(s), []);
  const orgNames = useMemo(() => nameIndex(organisations.data, (o) => o.name), [organisations.data]);
  const peopleNames = useMemo(() => nameIndex(people.data, (p) => p.displayName), [people.data]);

  return (
    <>
      <Block id="timeline" title={t("timeline.title")}>
        <ol className={styles.list}>
          {timeline(d).map((e, i) => (
            <li key={i}>
              <Text weight="semibold">{e.at ? formatDateTime(e.at, i18n.language) : "—"}</Text> {t(`timeline.${e.kind}`)}
              {e.detail ? <Text> — {e.detail}</Text> : null}
            </li>
          ))}
        </ol>
        <dl className={layout.facts}>
          <dt className={layout.term}>{t("detail.source")}</dt>
          <dd>{d.sourceOrganisationId ? orgNames.get(d.sourceOrganisationId) ?? "—" : "—"}</dd>
          <dt className={layout.term}>{t("detail.signalDate")}</dt>
          <dd>{formatDate(d.signalDate, i18n.language)}</dd>
          <dt className={layout.term}>{t("detail.referent")}</dt>
          <dd>{d.referentId ? peopleNames.get(d.referentId) ?? "—" : "—"}</dd>
        </dl>
      </Block>

      <Transitions code={code} d={d} open={open} reload={reload} />

      <Actions me={me} code={code} d={d} open={open} orgNames={orgNames} reload={reload} />

      <NeedToKnow code={code} d={d} open={open} people={people.data ?? []} peopleNames={peopleNames} reload={reload} />

      {(open.has("revealIdentity") || open.has("editIdentity")) && (
        <IdentityBlock code={code} fields={d.identity ?? []} mayReveal={open.has("revealIdentity")} mayEdit={open.has("editIdentity")} reload={reload} />
      )}
    </>
  );
}

/**
 * One step's form. With `onConfirm`, the App's personal-data warning (422) shows above the button with "Enregistrer
 * quand même" (`onConfirm`: the same step, confirmed) and "Corriger" (`reset`).
 */
function StepForm({ id, title, submit, busy, error, onSubmit, onConfirm, reset, children }: {
  id: string;
  title: string;
  submit: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onConfirm?: () => void;
  reset?: () => void;
  children?: ReactNode;
}) {
  const layout = useLayoutStyles();
  return (
    <form
      className={layout.form}
      aria-labelledby={`${id}-legend`}
      data-step={id}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Text as="h3" weight="semibold" id={`${id}-legend`}>
        {title}
      </Text>
      {children}
      {onConfirm && <PersonalDataBar error={error} busy={busy} onConfirm={onConfirm} onCorrect={() => reset?.()} />}
      <ErrorBar error={onConfirm ? errorOtherThanWarning(error) : error} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

function Transitions({ code, d, open, reload }: {
  code: string;
  d: SituationDetail;
  open: Set<Step>;
  reload: () => void;
}) {
  const { t } = useTranslation("situations");
  const screening = useAction(reload);
  const include = useAction(reload);
  const decline = useAction(reload);
  const review = useAction(reload);
  const close = useAction(reload);
  const channel = useAction(reload);
  const [nextReview, setNextReview] = useState("");
  const [referredTo, setReferredTo] = useState("");
  const [notes, setNotes] = useState("");
  const [reviewNext, setReviewNext] = useState("");
  const [reason, setReason] = useState("");
  const reviewNotice = useFieldNotice(review.error);
  const closeNotice = useFieldNotice(close.error);
  const saveReview = (confirmed: boolean) =>
    void review.run(() => situationsApi.review(code, notes.trim() || null, dateToInstant(reviewNext), { personalDataConfirmed: confirmed }), () => setNotes(""));
  const saveClosure = (confirmed: boolean) => void close.run(() => situationsApi.close(code, reason.trim(), { personalDataConfirmed: confirmed }));
  const offers = (["startScreening", "include", "decline", "review", "close", "requestChannel"] as Step[]).filter((s) => open.has(s));
  const channelWanted = open.has("requestChannel") && (d.summary.channel === "None" || d.summary.channel === "Removed");

  return (
    <Block id="steps" title={t("steps.title")} empty={offers.length === 0 || (offers.length === 1 && offers[0] === "requestChannel" && !channelWanted)} emptyText={t("steps.none")}>
      {open.has("startScreening") && (
        <StepForm id="screening" title={t("steps.screening.title")} submit={t("steps.screening.submit")} {...screening}
          onSubmit={() => void screening.run(() => situationsApi.startScreening(code))} />
      )}
      {open.has("include") && (
        <StepForm id="inclusion" title={t("steps.include.title")} submit={t("steps.include.submit")} {...include}
          onSubmit={() => void include.run(() => situationsApi.include(code, dateToInstant(nextReview)))}>
          <Field label={t("steps.include.nextReview")} hint={t("steps.include.nextReviewHint")} validationMessage={fieldError(include.error, "nextReviewAt")}>
            <Input type="date" value={nextReview} min={toDateInput(new Date())} onChange={(_, v) => setNextReview(v.value)} />
          </Field>
        </StepForm>
      )}
      {open.has("decline") && (
        <StepForm id="decline" title={t("steps.decline.title")} submit={t("steps.decline.submit")} {...decline}
          onSubmit={() => void decline.run(() => situationsApi.decline(code, referredTo.trim() || null))}>
          <Field label={t("steps.decline.referredTo")} hint={t("steps.decline.referredToHint")} validationMessage={fieldError(decline.error, "referredTo")}>
            <Input value={referredTo} onChange={(_, v) => setReferredTo(v.value)} />
          </Field>
        </StepForm>
      )}
      {open.has("review") && (
        <StepForm id="review" title={t(d.summary.status === "Closed" ? "steps.review.afterCareTitle" : "steps.review.title")} submit={t("steps.review.submit")} {...review}
          onSubmit={() => saveReview(false)} onConfirm={() => saveReview(true)}>
          <Field label={t("steps.review.notes")} {...reviewNotice("notes")}>
            <Textarea value={notes} onChange={(_, v) => setNotes(v.value)} />
          </Field>
          {d.summary.status === "Included" && (
            <Field label={t("steps.review.nextReview")} validationMessage={fieldError(review.error, "nextReviewAt")}>
              <Input type="date" value={reviewNext} min={toDateInput(new Date())} onChange={(_, v) => setReviewNext(v.value)} />
            </Field>
          )}
        </StepForm>
      )}
      {open.has("close") && (
        <StepForm id="closure" title={t("steps.close.title")} submit={t("steps.close.submit")} {...close}
          onSubmit={() => saveClosure(false)} onConfirm={() => saveClosure(true)}>
          <Field label={t("steps.close.reason")} required {...closeNotice("reason")}>
            <Textarea value={reason} onChange={(_, v) => setReason(v.value)} />
          </Field>
        </StepForm>
      )}
      {channelWanted && (
        <StepForm id="channel" title={t("steps.channel.title")} submit={t("steps.channel.submit")} {...channel}
          onSubmit={() => void channel.run(() => situationsApi.requestChannel(code))} />
      )}
    </Block>
  );
}

const actionStatuses: ActionStatus[] = ["Planned", "InProgress", "Done", "Cancelled"];

function Actions({ me, code, d, open, orgNames, reload }: {
  me: Person;
  code: string;
  d: SituationDetail;
  open: Set<Step>;
  orgNames: Map<string, string>;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation("situations");
  const add = useAction(reload);
  const update = useAction(reload);
  const [description, setDescription] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const actions = d.actions ?? [];
  const addNotice = useFieldNotice(add.error);
  const addAction = (confirmed: boolean) =>
    void add.run(
      () => situationsApi.addAction(code, { description: description.trim(), ownerOrganisationId: owner || null, dueDate: due || null, personalDataConfirmed: confirmed }),
      () => setDescription(""),
    );
  const partnerOnly = !me.roles.includes("Referent") && !me.roles.includes("Coordinator");
  const mayUpdate = (ownerId: string) => open.has("updateAction") && (!partnerOnly || ownerId === me.organisationId);

  return (
    <Block id="actions" title={t("actions.title")}>
      {actions.length === 0 ? (
        <Text>{t("actions.empty")}</Text>
      ) : (
        <Table aria-label={t("actions.title")} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("actions.description")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.owner")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.due")}</TableHeaderCell>
              <TableHeaderCell>{t("actions.status")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.description}</TableCell>
                <TableCell>{orgNames.get(a.ownerOrganisationId) ?? "—"}</TableCell>
                <TableCell>
                  {formatDate(a.dueDate, i18n.language)}{" "}
                  {a.overdue && (
                    <Badge appearance="filled" color="danger">
                      {t("overdue")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  {mayUpdate(a.ownerOrganisationId) ? (
                    <Dropdown
                      aria-label={t("actions.statusOf", { description: a.description })}
                      value={t(`actionStatus.${a.status}`)}
                      selectedOptions={[a.status]}
                      disabled={update.busy}
                      onOptionSelect={(_, v) => v.optionValue && v.optionValue !== a.status && void update.run(() => situationsApi.updateAction(code, a.id, v.optionValue as ActionStatus))}
                    >
                      {actionStatuses.map((s) => (
                        <Option key={s} value={s}>
                          {t(`actionStatus.${s}`)}
                        </Option>
                      ))}
                    </Dropdown>
                  ) : (
                    t(`actionStatus.${a.status}`)
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ErrorBar error={update.error} />
      {open.has("planAction") && (
        <StepForm id="add-action" title={t("actions.add")} submit={t("actions.addSubmit")} {...add}
          onSubmit={() => addAction(false)} onConfirm={() => addAction(true)}>
          <Field label={t("actions.description")} required {...addNotice("description")}>
            <Input value={description} onChange={(_, v) => setDescription(v.value)} />
          </Field>
          <Field label={t("actions.owner")} required validationMessage={fieldError(add.error, "ownerOrganisationId")}>
            <Dropdown value={owner ? orgNames.get(owner) ?? "" : ""} selectedOptions={owner ? [owner] : []} onOptionSelect={(_, v) => setOwner(v.optionValue ?? "")}>
              {[...orgNames.entries()].map(([id, name]) => (
                <Option key={id} value={id}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t("actions.due")} required validationMessage={fieldError(add.error, "dueDate")}>
            <Input type="date" value={due} onChange={(_, v) => setDue(v.value)} />
          </Field>
        </StepForm>
      )}
    </Block>
  );
}

function NeedToKnow({ code, d, open, people, peopleNames, reload }: {
  code: string;
  d: SituationDetail;
  open: Set<Step>;
  people: Person[];
  peopleNames: Map<string, string>;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation("situations");
  const grant = useAction(reload);
  const revoke = useAction(reload);
  const [person, setPerson] = useState("");
  const [expires, setExpires] = useState("");
  const entries = d.needToKnow ?? [];
  const editable = open.has("editNeedToKnow");
  const candidates = people.filter(
    (p) => p.active && p.roles.some((r) => r !== "Admin" && r !== "Dpo") && !entries.some((e) => e.personId === p.id && !e.expired),
  );

  return (
    <Block id="need-to-know" title={t("needToKnow.title")}>
      <Table aria-label={t("needToKnow.title")} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("needToKnow.person")}</TableHeaderCell>
            <TableHeaderCell>{t("needToKnow.granted")}</TableHeaderCell>
            <TableHeaderCell>{t("needToKnow.expires")}</TableHeaderCell>
            {editable && <TableHeaderCell>{t("needToKnow.remove")}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => {
            const name = peopleNames.get(e.personId) ?? "—";
            return (
              <TableRow key={e.personId}>
                <TableCell>
                  {name}{" "}
                  {e.breakGlass && (
                    <Badge appearance="tint" color="danger">
                      {t("needToKnow.breakGlass")}
                    </Badge>
                  )}
                  {e.expired && (
                    <Badge appearance="tint" color="subtle">
                      {t("needToKnow.expired")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{formatDate(e.grantedAt, i18n.language)}</TableCell>
                <TableCell>{formatDate(e.expiresAt, i18n.language)}</TableCell>
                {editable && (
                  <TableCell>
                    {e.personId !== d.referentId && (
                      <Button size="small" disabled={revoke.busy} aria-label={t("needToKnow.removeWho", { name })}
                        onClick={() => void revoke.run(() => situationsApi.revoke(code, e.personId))}>
                        {t("needToKnow.remove")}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <ErrorBar error={revoke.error} />
      {editable && (
        <StepForm id="grant" title={t("needToKnow.add")} submit={t("needToKnow.addSubmit")} {...grant}
          onSubmit={() => void grant.run(() => situationsApi.grant(code, person, dateToInstant(expires)), () => { setPerson(""); setExpires(""); })}>
          <Field label={t("needToKnow.person")} required validationMessage={fieldError(grant.error, "personId")}>
            <Dropdown value={person ? peopleNames.get(person) ?? "" : ""} selectedOptions={person ? [person] : []} onOptionSelect={(_, v) => setPerson(v.optionValue ?? "")}>
              {candidates.map((p) => (
                <Option key={p.id} value={p.id}>
                  {p.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t("needToKnow.expiresAt")} hint={t("needToKnow.expiresHint")} validationMessage={fieldError(grant.error, "expiresAt")}>
            <Input type="date" value={expires} min={toDateInput(new Date())} onChange={(_, v) => setExpires(v.value)} />
          </Field>
        </StepForm>
      )}
    </Block>
  );
}

/** Break-glass: a cell member off the list asks for short access with a written reason (the Chair and the DPO are told). */
function BreakGlass({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation("situations");
  const layout = useLayoutStyles();
  const step = useAction(onDone);
  const [reason, setReason] = useState("");
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("breakGlass.title")}</MessageBarTitle>
        <form className={layout.form} onSubmit={(e) => { e.preventDefault(); void step.run(() => situationsApi.breakGlass(code, reason.trim())); }}>
          <Text>{t("breakGlass.body")}</Text>
          <Field label={t("breakGlass.reason")} required validationMessage={fieldError(step.error, "reason")}>
            <Textarea value={reason} onChange={(_, v) => setReason(v.value)} />
          </Field>
          {isFormLevel(step.error) && <ErrorBar error={step.error} />}
          <div>
            <Button type="submit" disabled={step.busy}>
              {t("breakGlass.submit")}
            </Button>
          </div>
        </form>
      </MessageBarBody>
    </MessageBar>
  );
}
