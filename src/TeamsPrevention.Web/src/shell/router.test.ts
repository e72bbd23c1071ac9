import { describe, expect, it } from "vitest";
import { href, matchPath, parseHash } from "./router";

describe("router", () => {
  it("reads the path and query after the hash", () => {
    const location = parseHash("#/alerts/42?tab=answers");
    expect(location.path).toBe("/alerts/42");
    expect(location.query.get("tab")).toBe("answers");
  });

  it("treats an empty hash as the dashboard", () => {
    expect(parseHash("").path).toBe("/");
    expect(parseHash("#").path).toBe("/");
  });

  it("matches parameters and refuses other shapes", () => {
    expect(matchPath("/situations/:code", "/situations/K7M-4QX")).toEqual({ code: "K7M-4QX" });
    expect(matchPath("/situations/:code", "/situations")).toBeNull();
    expect(matchPath("/situations/:code", "/alerts/K7M-4QX")).toBeNull();
    expect(matchPath("/", "/")).toEqual({});
  });

  it("builds links with encoded segments", () => {
    expect(href("/situations", "K7M 4QX")).toBe("#/situations/K7M%204QX");
  });
});
