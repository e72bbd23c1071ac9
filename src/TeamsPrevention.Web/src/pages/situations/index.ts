import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const SituationPage = lazyPage(() => import("./SituationPage"), "SituationPage");
const SituationsPage = lazyPage(() => import("./SituationsPage"), "SituationsPage");

const area: PageArea = {
  routes: [
    { path: "/situations", component: SituationsPage },
    { path: "/situations/:code", component: SituationPage },
  ],
  nav: { path: "/situations", label: "nav.situations", order: 10 },
};

export default area;
