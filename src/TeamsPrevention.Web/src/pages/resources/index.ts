import type { PageArea } from "../../shell/types";
import { ResourcesPage } from "./ResourcesPage";

const area: PageArea = {
  routes: [
    { path: "/resources", component: ResourcesPage },
  ],
  nav: { path: "/resources", label: "nav.resources", order: 70 },
};

export default area;
