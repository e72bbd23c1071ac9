import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const DashboardPage = lazyPage(() => import("./DashboardPage"), "DashboardPage");

const area: PageArea = {
  routes: [
    { path: "/", component: DashboardPage },
  ],
  nav: { path: "/", label: "nav.dashboard", order: 0 },
};

export default area;
