import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const AlertComposePage = lazyPage(() => import("./AlertComposePage"), "AlertComposePage");
const AlertPage = lazyPage(() => import("./AlertPage"), "AlertPage");
const AlertsPage = lazyPage(() => import("./AlertsPage"), "AlertsPage");

const area: PageArea = {
  routes: [
    { path: "/alerts", component: AlertsPage },
    { path: "/alerts/new", component: AlertComposePage },
    { path: "/alerts/:id", component: AlertPage },
  ],
  nav: { path: "/alerts", label: "nav.alerts", order: 20 },
};

export default area;
