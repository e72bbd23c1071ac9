import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/i18n";
import { loadConfig } from "./host/config";
import { detectHost } from "./host/host";
import { Root } from "./shell/Root";

// Start-up marks (tp:*) on the page's own clock, read by the tab benchmark's --timeline.
performance.mark("tp:script");

// The configuration and the host are asked for now, not after React's first render.
const startup = Promise.all([loadConfig(), detectHost()]);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root startup={startup} />
  </StrictMode>,
);
