import { api } from "../../api/client";

export type ResourceKind = "Project" | "Expertise" | "Communication";
export const resourceKinds: ResourceKind[] = ["Project", "Expertise", "Communication"];

/** `GET /api/resources` item. */
export interface Resource {
  id: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  organisationId: string;
  organisationName: string | null;
  link: string | null;
  tags: string[];
  language: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  canEdit: boolean;
}

export interface ResourceFilter {
  kind: string;
  q: string;
  tag: string;
}

export interface ResourceDraft {
  kind: ResourceKind;
  title: string;
  summary: string;
  link: string;
  tags: string;
  language: string;
}

export const emptyDraft: ResourceDraft = { kind: "Project", title: "", summary: "", link: "", tags: "", language: "fr" };

export function resourcesPath(filter: ResourceFilter): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.q.trim()) query.set("q", filter.q.trim());
  if (filter.tag.trim()) query.set("tag", filter.tag.trim());
  const text = query.toString();
  return text ? `/api/resources?${text}` : "/api/resources";
}

/** "Théâtre, forum ,, théâtre" → ["théâtre", "forum"] (the App normalises the same way). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

/** The body of POST/PUT `/api/resources`. */
export function toInput(draft: ResourceDraft) {
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    link: draft.link.trim() || null,
    tags: parseTags(draft.tags),
    language: draft.language,
  };
}

export function toDraft(resource: Resource): ResourceDraft {
  return { kind: resource.kind, title: resource.title, summary: resource.summary, link: resource.link ?? "", tags: resource.tags.join(", "), language: resource.language };
}

/** What can be told before asking the App (which checks again, personal data included): field → text key. */
export function draftErrors(draft: ResourceDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < 3 || title.length > 200) errors.title = "errors.title";
  const summary = draft.summary.trim();
  if (summary.length < 1 || summary.length > 2000) errors.summary = "errors.summary";
  const link = draft.link.trim();
  if (link) {
    try {
      if (new URL(link).protocol !== "https:") errors.link = "errors.link";
    } catch {
      errors.link = "errors.link";
    }
  }
  const tags = parseTags(draft.tags);
  if (tags.length > 10 || tags.some((t) => t.length > 40)) errors.tags = "errors.tags";
  return errors;
}

export const listResources = (filter: ResourceFilter, signal?: AbortSignal) => api.get<Resource[]>(resourcesPath(filter), { signal });
export const createResource = (draft: ResourceDraft) => api.post<Resource>("/api/resources", toInput(draft));
export const updateResource = (id: string, draft: ResourceDraft) => api.put<Resource>(`/api/resources/${id}`, toInput(draft));
export const deleteResource = (id: string) => api.delete<void>(`/api/resources/${id}`);
