import type { PageArea } from "../../shell/types";
import { SituationPage } from "./SituationPage";
import { SituationsPage } from "./SituationsPage";

const area: PageArea = {
  routes: [
    { path: "/situations", component: SituationsPage },
    { path: "/situations/:code", component: SituationPage },
  ],
  nav: { path: "/situations", label: "nav.situations", order: 10 },
};

export default area;
