import type { PageArea } from "../../shell/types";
import { MeetingPage } from "./MeetingPage";
import { MeetingSchedulePage } from "./MeetingSchedulePage";
import { MeetingsPage } from "./MeetingsPage";

const area: PageArea = {
  routes: [
    { path: "/meetings", component: MeetingsPage },
    { path: "/meetings/new", component: MeetingSchedulePage },
    { path: "/meetings/:id", component: MeetingPage },
  ],
  nav: { path: "/meetings", label: "nav.meetings", order: 30 },
};

export default area;
