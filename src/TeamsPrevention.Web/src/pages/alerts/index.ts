import type { PageArea } from "../../shell/types";
import { AlertComposePage } from "./AlertComposePage";
import { AlertPage } from "./AlertPage";
import { AlertsPage } from "./AlertsPage";

const area: PageArea = {
  routes: [
    { path: "/alerts", component: AlertsPage },
    { path: "/alerts/new", component: AlertComposePage },
    { path: "/alerts/:id", component: AlertPage },
  ],
  nav: { path: "/alerts", label: "nav.alerts", order: 20 },
};

export default area;
