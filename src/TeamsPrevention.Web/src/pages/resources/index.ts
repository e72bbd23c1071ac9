import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const ResourcesPage = lazyPage(() => import("./ResourcesPage"), "ResourcesPage");

const area: PageArea = {
  routes: [
    { path: "/resources", component: ResourcesPage },
  ],
  nav: { path: "/resources", label: "nav.resources", order: 70 },
};

export default area;
