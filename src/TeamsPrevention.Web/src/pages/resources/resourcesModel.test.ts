import { describe, expect, it } from "vitest";
import { draftErrors, emptyDraft, parseTags, resourcesPath, toInput } from "./resourcesModel";

describe("resources model", () => {
  it("builds the list address from the filters it has", () => {
    expect(resourcesPath({ kind: "", q: "", tag: "" })).toBe("/api/resources");
    expect(resourcesPath({ kind: "Expertise", q: " esprit critique ", tag: "école" })).toBe("/api/resources?kind=Expertise&q=esprit+critique&tag=%C3%A9cole");
  });

  it("reads tags as the App stores them", () => {
    expect(parseTags("Théâtre, forum ,, théâtre")).toEqual(["théâtre", "forum"]);
  });

  it("tells what the App would refuse before sending", () => {
    expect(draftErrors({ ...emptyDraft, title: "ab", link: "http://example.org" })).toEqual({ title: "errors.title", summary: "errors.summary", link: "errors.link" });
    expect(draftErrors({ ...emptyDraft, title: "Projet", summary: "Un projet.", link: "https://example.org/x", tags: "a, b" })).toEqual({});
    expect(draftErrors({ ...emptyDraft, title: "Projet", summary: "x", tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") }).tags).toBe("errors.tags");
  });

  it("sends an empty link as none", () => {
    expect(toInput({ ...emptyDraft, title: " Projet ", summary: "Un projet.", tags: "A" })).toEqual({
      kind: "Project", title: "Projet", summary: "Un projet.", link: null, tags: ["a"], language: "fr",
    });
  });
});
