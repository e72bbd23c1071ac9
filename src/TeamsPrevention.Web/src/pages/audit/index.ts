import type { Role } from "../../api/directory";
import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const AuditPage = lazyPage(() => import("./AuditPage"), "AuditPage");

const roles: Role[] = ["Dpo"];

const area: PageArea = {
  routes: [
    { path: "/audit", component: AuditPage, roles },
  ],
  nav: { path: "/audit", label: "nav.audit", order: 50, roles },
};

export default area;
