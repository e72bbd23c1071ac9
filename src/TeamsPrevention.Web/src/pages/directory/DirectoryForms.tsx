import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, Checkbox, Field, Input, Select, Text } from "@fluentui/react-components";
import { allRoles, directoryApi, organisationKinds, type Organisation, type OrganisationInput, type Person } from "../../api/directory";
import { CheckList } from "../../components/CheckList";
import { fieldError, isFormLevel } from "../../components/forms";
import { useLayoutStyles } from "../../components/layout";
import { OrganisationSelect } from "../../components/OrganisationSelect";
import { ErrorBar } from "../../components/Page";
import { useAction, type Action } from "../../components/useAction";
import { languageNames, languages } from "../../i18n/i18n";
import { mayChangeRole } from "./directoryApi";
import { organisationDraft, personDraft, suggestKey, toOrganisationInput, toPersonInput, type PersonDraft } from "./forms";

/** A form of the directory: its heading (h3), its fields, the App's refusal if it is not about a field, save and cancel. */
function DirectoryForm({ step, title, action, onCancel, onSubmit, children }: {
  step: string;
  title: string;
  action: Action;
  onCancel: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation("directory");
  const layout = useLayoutStyles();
  const id = useId();
  return (
    <form className={layout.form} aria-labelledby={`${id}-title`} data-step={step} noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}>
      <Text as="h3" weight="semibold" id={`${id}-title`}>
        {title}
      </Text>
      {children}
      {isFormLevel(action.error) && <ErrorBar error={action.error} />}
      <div className={layout.buttons}>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {t("save")}
        </Button>
        <Button onClick={onCancel} disabled={action.busy}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** Creates or edits an organisation (Admin). `onDone(true)` once the App saved it. */
export function OrganisationForm({ organisation, onDone }: { organisation?: Organisation; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation("directory");
  const [draft, setDraft] = useState<OrganisationInput>(() => organisationDraft(organisation));
  const [keyTouched, setKeyTouched] = useState(organisation !== undefined);
  const action = useAction();
  const set = (change: Partial<OrganisationInput>) => setDraft((d) => ({ ...d, ...change }));
  const error = action.error;

  return (
    <DirectoryForm
      step="organisation-form"
      title={organisation ? t("organisations.editTitle", { name: organisation.name }) : t("organisations.add")}
      action={action}
      onCancel={() => onDone(false)}
      onSubmit={() => {
        const input = toOrganisationInput(draft);
        void action.run(() => (organisation ? directoryApi.updateOrganisation(organisation.id, input) : directoryApi.createOrganisation(input)), () => onDone(true));
      }}>
      <Field label={t("organisations.name")} required validationMessage={fieldError(error, "name")}>
        <Input autoFocus value={draft.name} maxLength={200}
          onChange={(_, d) => set(keyTouched ? { name: d.value } : { name: d.value, key: suggestKey(d.value) })} />
      </Field>
      <Field label={t("organisations.key")} hint={t("organisations.keyHint")} required validationMessage={fieldError(error, "key")}>
        <Input value={draft.key} maxLength={64}
          onChange={(_, d) => {
            setKeyTouched(true);
            set({ key: d.value });
          }} />
      </Field>
      <Field label={t("organisations.kind")} required validationMessage={fieldError(error, "kind")}>
        <Select value={draft.kind} onChange={(_, d) => set({ kind: d.value as OrganisationInput["kind"] })}>
          <option value="">{t("choose")}</option>
          {organisationKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
    </DirectoryForm>
  );
}

/**
 * Creates or edits a person (Admin, Chair): identity in Entra, name, e-mail, language, organisation, roles, active. Only
 * the roles `me` may change are enabled (the Chair: those that open the situations; the Admin: the others); on their own
 * record, neither roles, organisation nor activation.
 */
export function PersonForm({ me, person, organisations, onDone }: {
  me: Person;
  person?: Person;
  organisations: Organisation[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation("directory");
  const own = person?.id === me.id;
  const [draft, setDraft] = useState<PersonDraft>(() => personDraft(person));
  const action = useAction();
  const set = (change: Partial<PersonDraft>) => setDraft((d) => ({ ...d, ...change }));
  const error = action.error;

  return (
    <DirectoryForm
      step="person-form"
      title={person ? t("people.editTitle", { name: person.displayName }) : t("people.add")}
      action={action}
      onCancel={() => onDone(false)}
      onSubmit={() => {
        const input = toPersonInput(draft);
        void action.run(() => (person ? directoryApi.updatePerson(person.id, input) : directoryApi.createPerson(input)), () => onDone(true));
      }}>
      <Field label={t("people.name")} required validationMessage={fieldError(error, "displayName")}>
        <Input autoFocus value={draft.displayName} maxLength={200} onChange={(_, d) => set({ displayName: d.value })} />
      </Field>
      <Field label={t("people.entraObjectId")} hint={t("people.entraObjectIdHint")} required validationMessage={fieldError(error, "entraObjectId")}>
        <Input value={draft.entraObjectId} onChange={(_, d) => set({ entraObjectId: d.value })} />
      </Field>
      <Field label={t("people.email")} validationMessage={fieldError(error, "email")}>
        <Input type="email" value={draft.email} onChange={(_, d) => set({ email: d.value })} />
      </Field>
      <Field label={t("people.organisation")} required validationMessage={fieldError(error, "organisationId")}>
        <OrganisationSelect organisations={organisations} value={draft.organisationId} onChange={(id) => set({ organisationId: id })} choose={t("choose")}
          disabled={own} />
      </Field>
      <Field label={t("people.language")} validationMessage={fieldError(error, "preferredLanguage")}>
        <Select value={draft.preferredLanguage} onChange={(_, d) => set({ preferredLanguage: d.value })}>
          {languages.map((l) => (
            <option key={l} value={l} lang={l}>
              {languageNames[l]}
            </option>
          ))}
        </Select>
      </Field>
      {/* Not inside a Field: a Field gives its one id to every checkbox it contains. */}
      <CheckList
        label={t("people.roles")}
        options={allRoles.map((r) => ({ value: r, text: t(`role.${r}`), disabled: !mayChangeRole(me, r, person) }))}
        selected={draft.roles}
        onChange={(roles) => set({ roles: allRoles.filter((r) => roles.includes(r)) })}
      />
      <Text size={200}>{own ? t("people.ownRecord") : t("people.rolesHint")}</Text>
      {fieldError(error, "roles") && (
        <Text role="alert" size={200}>
          {fieldError(error, "roles")}
        </Text>
      )}
      <Checkbox label={t("people.active")} checked={draft.active} disabled={own} onChange={(_, d) => set({ active: d.checked === true })} />
      {person && !draft.active && person.active && <Text role="status">{t("people.deactivating")}</Text>}
    </DirectoryForm>
  );
}
