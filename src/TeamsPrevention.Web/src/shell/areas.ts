import type { PageArea } from "./types";
import dashboard from "../pages/dashboard";
import situations from "../pages/situations";
import alerts from "../pages/alerts";
import meetings from "../pages/meetings";
import directory from "../pages/directory";
import audit from "../pages/audit";
import statistics from "../pages/statistics";
import resources from "../pages/resources";
import configure from "../pages/configure";

/** Every area of the tab; each owns its folder under `pages/` and says its routes and its navigation entry. */
export const areas: PageArea[] = [dashboard, situations, alerts, meetings, directory, audit, statistics, resources, configure];
