import type { Role } from "../../api/directory";
import type { PageArea } from "../../shell/types";
import { DirectoryPage } from "./DirectoryPage";

const roles: Role[] = ["Coordinator", "Admin", "Chair"];

const area: PageArea = {
  routes: [
    { path: "/directory", component: DirectoryPage, roles },
  ],
  nav: { path: "/directory", label: "nav.directory", order: 40, roles },
};

export default area;
