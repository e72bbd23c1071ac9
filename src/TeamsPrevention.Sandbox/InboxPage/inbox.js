// The sandbox's Teams-like inbox: pick a persona, see what the bot sent them, write to the bot, press card buttons.
// Cards are drawn by the official Adaptive Cards renderer; buttons send the same adaptiveCard/action invoke Teams sends.
(function () {
  "use strict";
  const base = new URL(".", window.location.href); // .../sandbox/
  const api = (path) => new URL(path, base).toString();
  const els = {
    personas: document.getElementById("personas"),
    empty: document.getElementById("empty"),
    conversation: document.getElementById("conversation"),
    name: document.getElementById("persona-name"),
    role: document.getElementById("persona-role"),
    install: document.getElementById("install"),
    activities: document.getElementById("activities"),
    composer: document.getElementById("composer"),
    text: document.getElementById("text"),
    status: document.getElementById("status"),
  };
  const roles = {
    Chair: "Présidence", Coordinator: "Coordination", Referent: "Référent·e radicalisme",
    PoliceReferent: "Référent police", Partner: "Partenaire", Secretary: "Secrétariat",
    Dpo: "DPO", Admin: "Administration",
  };
  // A host configuration close to Teams' default theme.
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "Segoe UI, system-ui, sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E1E1E1" },
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: "Segoe UI, system-ui, sans-serif",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    containerStyles: {
      default: { backgroundColor: "#FFFFFF", foregroundColors: {
        default: { default: "#242424", subtle: "#616161" }, accent: { default: "#5B5FC7", subtle: "#6264A7" },
        attention: { default: "#C4314B", subtle: "#C4314B" }, good: { default: "#237B4B", subtle: "#237B4B" },
        warning: { default: "#835C00", subtle: "#835C00" } } },
      emphasis: { backgroundColor: "#F5F5F5", foregroundColors: {
        default: { default: "#242424", subtle: "#616161" }, accent: { default: "#5B5FC7", subtle: "#6264A7" },
        attention: { default: "#C4314B", subtle: "#C4314B" }, good: { default: "#237B4B", subtle: "#237B4B" },
        warning: { default: "#835C00", subtle: "#835C00" } } },
    },
    actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline" }, actionsOrientation: "horizontal", actionAlignment: "left" },
  });

  let current = null; // persona
  let sentByUser = []; // messages typed in this page, shown beside the bot's
  let lastRendered = "";

  function say(message) { els.status.textContent = message; }

  async function json(response) {
    if (!response.ok) {
      let detail = "";
      try { const body = await response.json(); detail = body.title || body.error?.message || ""; } catch { /* no body */ }
      throw new Error(`${response.status} ${detail}`.trim());
    }
    return response.status === 204 ? null : response.json();
  }

  async function loadPersonas() {
    const personas = await json(await fetch(api("inbox/personas")));
    els.personas.replaceChildren(...personas.map((p) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.objectId = p.objectId;
      button.append(p.displayName);
      const small = document.createElement("small");
      small.textContent = `${roles[p.role] || p.role || ""} · ${p.language || p.preferredLanguage || ""}`;
      button.append(small);
      button.addEventListener("click", () => choose(p));
      li.append(button);
      return li;
    }));
  }

  function choose(persona) {
    current = persona;
    sentByUser = [];
    lastRendered = "";
    for (const b of els.personas.querySelectorAll("button")) {
      b.setAttribute("aria-current", String(b.dataset.objectId === persona.objectId));
    }
    els.empty.hidden = true;
    els.conversation.hidden = false;
    els.name.textContent = persona.displayName;
    els.role.textContent = roles[persona.role] || persona.role || "";
    say("");
    refresh();
  }

  function activitiesOf(inbox) {
    if (!inbox) return [];
    if (Array.isArray(inbox.activities)) return inbox.activities;
    if (Array.isArray(inbox.conversations)) return inbox.conversations.flatMap((c) => c.activities || []);
    return [];
  }

  async function refresh() {
    if (!current) return;
    const persona = current;
    let inbox;
    try {
      inbox = await json(await fetch(api(`inbox/${encodeURIComponent(persona.objectId)}`)));
    } catch (e) {
      if (String(e.message).startsWith("404")) inbox = null; else { say(`Boîte indisponible : ${e.message}`); return; }
    }
    if (persona !== current) return;
    const fromBot = activitiesOf(inbox).map((a) => ({ ...a, fromUser: false }));
    const all = fromBot.concat(sentByUser).sort((a, b) => String(a.timestamp || "").localeCompare(String(b.timestamp || "")));
    const signature = JSON.stringify(all);
    if (signature === lastRendered) return;
    lastRendered = signature;
    els.activities.replaceChildren(...all.map(renderActivity));
    els.activities.scrollTop = els.activities.scrollHeight;
  }

  function renderActivity(activity) {
    const li = document.createElement("li");
    li.className = "activity" + (activity.fromUser ? " from-user" : "");
    if (activity.id) li.dataset.activityId = activity.id;
    const meta = document.createElement("div");
    meta.className = "meta";
    const when = activity.timestamp ? new Date(activity.timestamp).toLocaleString("fr-BE", { timeZone: "Europe/Brussels" }) : "";
    meta.textContent = `${activity.fromUser ? "Vous" : "TeamsPrevention"} · ${when}`;
    li.append(meta);
    if (activity.text) {
      const text = document.createElement("div");
      text.className = "text";
      text.textContent = activity.text;
      li.append(text);
    }
    for (const attachment of activity.attachments || []) {
      if (attachment.contentType !== "application/vnd.microsoft.card.adaptive") continue;
      li.append(renderCard(attachment.content, activity.id));
    }
    return li;
  }

  function renderCard(content, activityId) {
    const holder = document.createElement("div");
    holder.className = "card";
    holder.dataset.activityId = activityId || "";
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = (action) => {
        if (action instanceof AdaptiveCards.ExecuteAction || action instanceof AdaptiveCards.SubmitAction) {
          invoke(activityId, action.verb || "", action.data || {});
        } else if (action instanceof AdaptiveCards.OpenUrlAction && action.url) {
          window.open(action.url, "_blank", "noopener");
        }
      };
      card.parse(typeof content === "string" ? JSON.parse(content) : content);
      const rendered = card.render();
      if (rendered) holder.append(rendered);
    } catch (e) {
      holder.textContent = `Carte illisible : ${e.message}`;
    }
    return holder;
  }

  async function invoke(replyToId, verb, data) {
    if (!current) return;
    say("Envoi de l'action…");
    try {
      await json(await fetch(api(`inbox/${encodeURIComponent(current.objectId)}/invoke`), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ replyToId, verb, data }),
      }));
      say("Action envoyée.");
    } catch (e) {
      say(`L'action a échoué : ${e.message}`);
    }
    lastRendered = "";
    await refresh();
  }

  els.install.addEventListener("click", async () => {
    if (!current) return;
    say("Installation…");
    try {
      await json(await fetch(api(`inbox/${encodeURIComponent(current.objectId)}/install`), { method: "POST" }));
      say("Application installée.");
    } catch (e) {
      say(`L'installation a échoué : ${e.message}`);
    }
    await refresh();
  });

  els.composer.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = els.text.value.trim();
    if (!current || !text) return;
    els.text.value = "";
    sentByUser.push({ fromUser: true, text, timestamp: new Date().toISOString() });
    lastRendered = "";
    await refresh();
    try {
      await json(await fetch(api(`inbox/${encodeURIComponent(current.objectId)}/messages`), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text }),
      }));
      say("");
    } catch (e) {
      say(`Le message n'est pas parti : ${e.message}`);
    }
    await refresh();
  });

  loadPersonas().catch((e) => say(`Personnes indisponibles : ${e.message}`));
  setInterval(refresh, 1500);
})();
