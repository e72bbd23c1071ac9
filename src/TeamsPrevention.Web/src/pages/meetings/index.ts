import { lazyPage } from "../../shell/lazyPage";
import type { PageArea } from "../../shell/types";

const MeetingPage = lazyPage(() => import("./MeetingPage"), "MeetingPage");
const MeetingSchedulePage = lazyPage(() => import("./MeetingSchedulePage"), "MeetingSchedulePage");
const MeetingsPage = lazyPage(() => import("./MeetingsPage"), "MeetingsPage");

const area: PageArea = {
  routes: [
    { path: "/meetings", component: MeetingsPage },
    { path: "/meetings/new", component: MeetingSchedulePage },
    { path: "/meetings/:id", component: MeetingPage },
  ],
  nav: { path: "/meetings", label: "nav.meetings", order: 30 },
};

export default area;
