import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const ConfigurePage = lazyPage(() => import("./ConfigurePage"), "ConfigurePage");

/** The channel tab's configuration page: no navigation entry (Teams opens it). */
const area: PageArea = {
  routes: [{ path: "/configure", component: ConfigurePage }],
};

export default area;
