import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const DashboardPage = lazyPage(() => import("./DashboardPage"), "DashboardPage");

const area: PageArea = {
  routes: [
    // Its four lists (DashboardPage's useApi calls), asked for at sign-in together with the person's own record.
    { path: "/", component: DashboardPage, prefetch: ["/api/situations", "/api/alerts/pending", "/api/alerts", "/api/meetings"] },
  ],
  nav: { path: "/", label: "nav.dashboard", order: 0 },
};

export default area;
