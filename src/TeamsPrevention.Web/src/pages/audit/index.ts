import type { Role } from "../../api/directory";
import type { PageArea } from "../../shell/types";
import { AuditPage } from "./AuditPage";

const roles: Role[] = ["Dpo"];

const area: PageArea = {
  routes: [
    { path: "/audit", component: AuditPage, roles },
  ],
  nav: { path: "/audit", label: "nav.audit", order: 50, roles },
};

export default area;
