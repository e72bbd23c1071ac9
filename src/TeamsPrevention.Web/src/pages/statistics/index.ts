import type { Role } from "../../api/directory";
import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const StatisticsPage = lazyPage(() => import("./StatisticsPage"), "StatisticsPage");

const roles: Role[] = ["Chair", "Coordinator", "Dpo"];

const area: PageArea = {
  routes: [
    { path: "/statistics", component: StatisticsPage, roles },
  ],
  nav: { path: "/statistics", label: "nav.statistics", order: 60, roles },
};

export default area;
