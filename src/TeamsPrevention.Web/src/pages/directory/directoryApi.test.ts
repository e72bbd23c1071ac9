import { describe, expect, it } from "vitest";
import { isCurrent, mayChangeRole, mayEditDirectory, mayEditPeople } from "./directoryApi";

describe("directory", () => {
  it("lets only the Admin write", () => {
    expect(mayEditDirectory({ roles: ["Admin"] })).toBe(true);
    expect(mayEditDirectory({ roles: ["Coordinator", "Chair"] })).toBe(false);
  });

  it("lets the Admin and the Chair edit people, each within their own roles, nobody their own", () => {
    const admin = { id: "a", roles: ["Admin" as const] };
    const chair = { id: "c", roles: ["Chair" as const] };
    expect(mayEditPeople(admin)).toBe(true);
    expect(mayEditPeople(chair)).toBe(true);
    expect(mayEditPeople({ roles: ["Coordinator"] })).toBe(false);
    expect(mayChangeRole(chair, "Referent", { id: "p" })).toBe(true);
    expect(mayChangeRole(chair, "Secretary", { id: "p" })).toBe(true);
    expect(mayChangeRole(chair, "Dpo", { id: "p" })).toBe(false);
    expect(mayChangeRole(admin, "Partner", { id: "p" })).toBe(true);
    expect(mayChangeRole(admin, "Chair", { id: "p" })).toBe(false);
    expect(mayChangeRole(admin, "Partner", { id: "a" })).toBe(false);
    expect(mayChangeRole(chair, "Referent", { id: "c" })).toBe(false);
    expect(mayChangeRole(admin, "Dpo")).toBe(true);
  });

  it("knows a deputyship in force from bounds", () => {
    const now = new Date("2026-11-10T12:00:00Z");
    const d = (validFrom: string | null, validUntil: string | null) => ({ id: "1", personId: "p", deputyId: "q", validFrom, validUntil });
    expect(isCurrent(d(null, null), now)).toBe(true);
    expect(isCurrent(d("2026-11-01T00:00:00Z", "2026-11-20T00:00:00Z"), now)).toBe(true);
    expect(isCurrent(d("2026-11-11T00:00:00Z", null), now)).toBe(false);
    expect(isCurrent(d(null, "2026-11-10T12:00:00Z"), now)).toBe(false);
  });
});
