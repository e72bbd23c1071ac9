import type { PageArea } from "../../shell/types";
import { DashboardPage } from "./DashboardPage";

const area: PageArea = {
  routes: [
    { path: "/", component: DashboardPage },
  ],
  nav: { path: "/", label: "nav.dashboard", order: 0 },
};

export default area;
