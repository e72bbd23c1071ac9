import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Badge, Body1, Button, Caption1, Card, CardHeader, Dropdown, Field, Input, Link, makeStyles, Option, Subtitle2, Textarea, tokens,
} from "@fluentui/react-components";
import { ApiError } from "../../api/client";
import { useLayoutStyles } from "../../components/layout";
import { ErrorBar, Loading, Page } from "../../components/Page";
import { useApi } from "../../components/useApi";
import { formatDate } from "../../components/format";
import type { PageProps } from "../../shell/types";
import {
  createResource, deleteResource, draftErrors, emptyDraft, listResources, resourceKinds, toDraft, updateResource,
  type Resource, type ResourceDraft, type ResourceFilter, type ResourceKind,
} from "./resourcesModel";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(20rem, 1fr))", gap: tokens.spacingHorizontalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "40rem" },
  tags: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const languages = ["fr", "nl", "de", "en"];

/** The partners' non-personal library: projects, expertise, communication material. */
export function ResourcesPage(_: PageProps) {
  const { t, i18n } = useTranslation("resources");
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState<ResourceFilter>({ kind: "", q: "", tag: "" });
  const [asked, setAsked] = useState(filter);
  const { data, error, loading, reload } = useApi((signal) => listResources(asked, signal), [asked.kind, asked.q, asked.tag]);
  const [editing, setEditing] = useState<{ id: string | null; draft: ResourceDraft } | null>(null);
  const [saveError, setSaveError] = useState<unknown>();
  const [shown, setShown] = useState<Record<string, string>>({});

  const save = async () => {
    if (!editing) return;
    const local = draftErrors(editing.draft);
    setShown(local);
    if (Object.keys(local).length > 0) return;
    try {
      if (editing.id) await updateResource(editing.id, editing.draft);
      else await createResource(editing.draft);
      setEditing(null);
      setSaveError(undefined);
      reload();
    } catch (e) {
      setSaveError(e);
      if (e instanceof ApiError && e.errors) {
        setShown(Object.fromEntries(Object.entries(e.errors).map(([k, v]) => [k, v[0]])));
      }
    }
  };

  const remove = async (resource: Resource) => {
    if (!window.confirm(t("confirmDelete", { title: resource.title }))) return;
    try {
      await deleteResource(resource.id);
      reload();
    } catch (e) {
      setSaveError(e);
    }
  };

  const message = (field: string) => (shown[field] ? (shown[field].startsWith("errors.") ? t(shown[field]) : shown[field]) : undefined);
  const set = (patch: Partial<ResourceDraft>) => setEditing((e) => (e ? { ...e, draft: { ...e.draft, ...patch } } : e));

  return (
    <Page title={t("title")} actions={!editing && <Button appearance="primary" onClick={() => { setShown({}); setEditing({ id: null, draft: emptyDraft }); }}>{t("add")}</Button>}>
      <Body1>{t("intro")}</Body1>
      {editing && (
        <form className={styles.form} aria-label={editing.id ? t("editTitle") : t("addTitle")} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Subtitle2 as="h2">{editing.id ? t("editTitle") : t("addTitle")}</Subtitle2>
          <Caption1>{t("rule")}</Caption1>
          <Field label={t("fields.kind")} required>
            <Dropdown value={t(`kinds.${editing.draft.kind}`)} selectedOptions={[editing.draft.kind]} onOptionSelect={(_, d) => set({ kind: d.optionValue as ResourceKind })}>
              {resourceKinds.map((k) => <Option key={k} value={k}>{t(`kinds.${k}`)}</Option>)}
            </Dropdown>
          </Field>
          <Field label={t("fields.title")} required validationMessage={message("title")}>
            <Input value={editing.draft.title} onChange={(_, v) => set({ title: v.value })} />
          </Field>
          <Field label={t("fields.summary")} required validationMessage={message("summary")}>
            <Textarea value={editing.draft.summary} onChange={(_, v) => set({ summary: v.value })} rows={5} />
          </Field>
          <Field label={t("fields.link")} hint={t("hints.link")} validationMessage={message("link")}>
            <Input type="url" value={editing.draft.link} onChange={(_, v) => set({ link: v.value })} />
          </Field>
          <Field label={t("fields.tags")} hint={t("hints.tags")} validationMessage={message("tags")}>
            <Input value={editing.draft.tags} onChange={(_, v) => set({ tags: v.value })} />
          </Field>
          <Field label={t("fields.language")}>
            <Dropdown value={t(`languages.${editing.draft.language}`)} selectedOptions={[editing.draft.language]} onOptionSelect={(_, d) => set({ language: d.optionValue ?? "fr" })}>
              {languages.map((l) => <Option key={l} value={l}>{t(`languages.${l}`)}</Option>)}
            </Dropdown>
          </Field>
          <ErrorBar error={saveError} />
          <div className={styles.actions}>
            <Button type="submit" appearance="primary">{t("save")}</Button>
            <Button onClick={() => { setEditing(null); setSaveError(undefined); }}>{t("cancel")}</Button>
          </div>
        </form>
      )}
      <form className={layout.row} onSubmit={(e) => { e.preventDefault(); setAsked(filter); }}>
        <Field label={t("filters.kind")}>
          <Dropdown value={filter.kind ? t(`kinds.${filter.kind}`) : t("filters.all")} selectedOptions={[filter.kind]} onOptionSelect={(_, d) => setFilter({ ...filter, kind: d.optionValue ?? "" })}>
            <Option value="">{t("filters.all")}</Option>
            {resourceKinds.map((k) => <Option key={k} value={k}>{t(`kinds.${k}`)}</Option>)}
          </Dropdown>
        </Field>
        <Field label={t("filters.q")}><Input value={filter.q} onChange={(_, v) => setFilter({ ...filter, q: v.value })} /></Field>
        <Field label={t("filters.tag")}><Input value={filter.tag} onChange={(_, v) => setFilter({ ...filter, tag: v.value })} /></Field>
        <Button type="submit">{t("filters.search")}</Button>
      </form>
      <ErrorBar error={error} />
      {!editing && <ErrorBar error={saveError} />}
      {loading && !data && <Loading />}
      {data && data.length === 0 && <Body1>{t("empty")}</Body1>}
      {data && (
        <ul className={styles.list} aria-label={t("listLabel")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {data.map((r) => (
            <li key={r.id}>
              <Card>
                <CardHeader
                  header={<Subtitle2 as="h2">{r.title}</Subtitle2>}
                  description={<Caption1>{t(`kinds.${r.kind}`)} · {r.organisationName ?? "—"} · {t(`languages.${r.language}`)} · {formatDate(r.updatedAt, i18n.language)}</Caption1>}
                />
                <Body1>{r.summary}</Body1>
                {r.tags.length > 0 && <div className={styles.tags}>{r.tags.map((tag) => <Badge key={tag} appearance="tint">{tag}</Badge>)}</div>}
                {r.link && <Link href={r.link} target="_blank" rel="noopener noreferrer">{t("open")}</Link>}
                {r.canEdit && (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => { setShown({}); setEditing({ id: r.id, draft: toDraft(r) }); }} aria-label={t("editNamed", { title: r.title })}>{t("edit")}</Button>
                    <Button size="small" onClick={() => void remove(r)} aria-label={t("deleteNamed", { title: r.title })}>{t("delete")}</Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
