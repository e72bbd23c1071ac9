import type { Role } from "../../api/directory";
import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const DirectoryPage = lazyPage(() => import("./DirectoryPage"), "DirectoryPage");

const roles: Role[] = ["Coordinator", "Admin", "Chair"];

const area: PageArea = {
  routes: [
    { path: "/directory", component: DirectoryPage, roles },
  ],
  nav: { path: "/directory", label: "nav.directory", order: 40, roles },
};

export default area;
