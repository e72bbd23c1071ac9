// The sandbox's Teams-like inbox: pick a persona, see their chat with the bot, write to the bot, press card buttons.
// API (see ../Inbox/InboxEndpoints.cs): GET inbox/personas; GET inbox/{oid} → {persona, conversation: {id, activities:
// [{id, from: "bot"|"user", timestamp, text, attachments, refreshed, …}]} | null} (a card whose refresh.userIds names the
// persona is refreshed through the bot, as Teams does; ?refresh=false shows the last refreshed view); POST inbox/{oid}/install; POST inbox/{oid}/messages
// {text}; POST inbox/{oid}/invoke {replyToId, verb, data} → {status, body, error, cardReplaced}.
// Cards are drawn by the official Adaptive Cards renderer; a button sends the adaptiveCard/action invoke Teams sends, and
// the card the bot answers replaces the pressed one in place.
(function () {
  "use strict";
  const CardType = "application/vnd.microsoft.card.adaptive";
  const base = new URL(".", window.location.href); // …/sandbox/
  const api = (path) => new URL(path, base).toString();
  const byId = (id) => document.getElementById(id);
  const els = {
    personas: byId("personas"), empty: byId("empty"), conversation: byId("conversation"), name: byId("persona-name"),
    role: byId("persona-role"), install: byId("install"), log: byId("activities-log"), noActivity: byId("no-activity"),
    activities: byId("activities"), composer: byId("composer"), text: byId("text"), status: byId("status"),
  };
  const roles = {
    Chair: "Présidence", Coordinator: "Coordination", Referent: "Référent·e radicalisme",
    PoliceReferent: "Référent police", Partner: "Partenaire", Secretary: "Secrétariat", Dpo: "DPO", Admin: "Administration",
  };
  const languages = { fr: "français", nl: "néerlandais", de: "allemand", en: "anglais" };
  const colours = (accent) => ({
    default: { default: "#242424", subtle: "#616161" }, accent: { default: accent, subtle: "#4F52B2" },
    attention: { default: "#C4314B", subtle: "#A52A3F" }, good: { default: "#237B4B", subtle: "#1E6B41" },
    warning: { default: "#835C00", subtle: "#6E4D00" }, dark: { default: "#242424", subtle: "#616161" },
    light: { default: "#FFFFFF", subtle: "#F5F5F5" },
  });
  // A host configuration close to Teams' default (light) theme.
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "Segoe UI, system-ui, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E1E1E1" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: "#FFFFFF", foregroundColors: colours("#5B5FC7") },
      emphasis: { backgroundColor: "#F5F5F5", foregroundColors: colours("#5B5FC7") },
    },
    // Card titles (TextBlock style "heading") under the page's h1 and the persona's h2.
    textBlock: { headingLevel: 3 },
    actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline" }, actionsOrientation: "horizontal", actionAlignment: "left" },
  });

  // The "…" button of secondary actions speaks French, as the rest of the page (the renderer's own words are English).
  if (AdaptiveCards.Strings && AdaptiveCards.Strings.defaults) {
    AdaptiveCards.Strings.defaults.overflowButtonText = () => "…";
    AdaptiveCards.Strings.defaults.overflowButtonTooltip = () => "Autres actions";
  }

  let current = null; // the chosen persona
  const RefreshEveryMs = 10_000; // Teams refreshes a card when it comes into view, not on every redraw
  let refreshedAt = { persona: null, at: 0 };
  const rendered = new Map(); // activity id → { signature, node }

  function say(message) { els.status.textContent = message; }

  // Fetches JSON; on an error, throws with the problem's detail (ProblemDetails) or title.
  async function request(path, options) {
    const response = await fetch(api(path), options);
    let body = null;
    try { body = await response.json(); } catch { /* no body */ }
    if (!response.ok) {
      const detail = body && (body.detail || body.title || (body.error && body.error.message));
      throw new Error(detail || `erreur ${response.status}`);
    }
    return body;
  }

  const post = (path, payload) => request(path, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload || {}),
  });

  async function loadPersonas() {
    const personas = await request("inbox/personas");
    els.personas.replaceChildren(...personas.map((p) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.objectId = p.objectId;
      button.setAttribute("aria-pressed", "false");
      const name = document.createElement("span");
      name.textContent = p.displayName;
      const small = document.createElement("small");
      const language = (p.language || "").slice(0, 2).toLowerCase();
      small.textContent = [roles[p.role] || p.role, p.jobTitle, languages[language] || p.language].filter(Boolean).join(" · ");
      button.append(name, small);
      button.addEventListener("click", () => choose(p));
      li.append(button);
      return li;
    }));
  }

  function choose(persona) {
    current = persona;
    rendered.clear();
    els.activities.replaceChildren();
    for (const b of els.personas.querySelectorAll("button")) {
      b.setAttribute("aria-pressed", String(b.dataset.objectId === persona.objectId));
    }
    els.empty.hidden = true;
    els.conversation.hidden = false;
    els.name.textContent = persona.displayName;
    els.role.textContent = roles[persona.role] || persona.role || "";
    showInstalled(persona.installed);
    say("");
    refresh();
  }

  function showInstalled(installed) {
    els.install.textContent = installed ? "Réinstaller l'application" : "Installer l'application";
    els.install.dataset.installed = String(Boolean(installed));
  }

  async function refresh() {
    if (!current) return;
    const persona = current;
    let inbox;
    const live = refreshedAt.persona !== persona || Date.now() - refreshedAt.at >= RefreshEveryMs;
    if (live) refreshedAt = { persona, at: Date.now() };
    try {
      inbox = await request(`inbox/${encodeURIComponent(persona.objectId)}?refresh=${live}`);
    } catch (e) {
      say(`Conversation indisponible : ${e.message}`);
      return;
    }
    if (persona !== current) return;
    if (inbox.persona) showInstalled(inbox.persona.installed);
    const activities = (inbox.conversation && inbox.conversation.activities) || [];
    els.noActivity.hidden = activities.length > 0;
    // Keep the nodes of unchanged activities (focus, screen readers); redraw only new or updated ones, in place.
    const nodes = activities.map((activity) => {
      const signature = JSON.stringify([activity.text, activity.attachments, activity.timestamp]);
      const known = rendered.get(activity.id);
      if (known && known.signature === signature) return known.node;
      const node = renderActivity(activity);
      if (known) known.node.replaceWith(node);
      rendered.set(activity.id, { signature, node });
      return node;
    });
    nodes.forEach((node, i) => {
      if (els.activities.children[i] !== node) els.activities.insertBefore(node, els.activities.children[i] || null);
    });
    while (els.activities.children.length > nodes.length) els.activities.lastElementChild.remove();
  }

  function renderActivity(activity) {
    const fromUser = activity.from === "user";
    const li = document.createElement("li");
    li.className = "activity" + (fromUser ? " from-user" : "");
    li.dataset.activityId = activity.id;
    const meta = document.createElement("div");
    meta.className = "meta";
    const when = activity.timestamp
      ? new Date(activity.timestamp).toLocaleString("fr-BE", { timeZone: "Europe/Brussels", dateStyle: "short", timeStyle: "short" })
      : "";
    meta.textContent = `${fromUser ? "Vous" : "TeamsPrevention"} · ${when}`;
    li.append(meta);
    if (activity.text) {
      const text = document.createElement("div");
      text.className = "text";
      text.append(...renderMarkdown(activity.text));
      li.append(text);
    }
    for (const attachment of activity.attachments || []) {
      if (attachment && attachment.contentType === CardType) li.append(renderCard(attachment.content, activity.id));
    }
    return li;
  }

  // The subset of Markdown Teams renders in a bot's text message: paragraphs, line breaks, "- " and "1. " lists,
  // **bold**, *italic* / _italic_, `code` and [links](https://…). Built as DOM nodes from text: nothing the bot sends
  // is ever parsed as HTML (a "<code>" in a message shows as those characters).
  function renderMarkdown(source) {
    const blocks = [];
    let list = null;
    for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      const item = bullet || numbered;
      if (item) {
        const kind = bullet ? "UL" : "OL";
        if (!list || list.tagName !== kind) {
          list = document.createElement(kind.toLowerCase());
          blocks.push(list);
        }
        const li = document.createElement("li");
        li.append(...inline(item[1]));
        list.append(li);
        continue;
      }
      list = null;
      if (line.trim() === "") {
        blocks.push(null); // a paragraph break
        continue;
      }
      const last = blocks[blocks.length - 1];
      if (last && last.tagName === "P") {
        last.append(document.createElement("br"), ...inline(line));
      } else {
        const p = document.createElement("p");
        p.append(...inline(line));
        blocks.push(p);
      }
    }
    return blocks.filter(Boolean);
  }

  function inline(text) {
    const nodes = [];
    const pattern = /\*\*(.+?)\*\*|\*(\S(?:.*?\S)?)\*|_(\S(?:.*?\S)?)_|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
    let at = 0;
    for (let m; (m = pattern.exec(text)); ) {
      if (m.index > at) nodes.push(document.createTextNode(text.slice(at, m.index)));
      let node;
      if (m[1] !== undefined) { node = document.createElement("strong"); node.append(...inline(m[1])); }
      else if (m[2] !== undefined || m[3] !== undefined) { node = document.createElement("em"); node.append(...inline(m[2] ?? m[3])); }
      else if (m[4] !== undefined) { node = document.createElement("code"); node.textContent = m[4]; }
      else {
        node = document.createElement("a");
        node.href = m[6];
        node.target = "_blank";
        node.rel = "noopener noreferrer";
        node.textContent = m[5];
      }
      nodes.push(node);
      at = pattern.lastIndex;
    }
    if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
    return nodes;
  }

  function renderCard(content, activityId) {
    const holder = document.createElement("div");
    holder.className = "card";
    holder.dataset.activityId = activityId;
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = (action) => {
        if (action instanceof AdaptiveCards.ExecuteAction) {
          invoke(activityId, action.verb || "", action.data || {});
        } else if (action instanceof AdaptiveCards.OpenUrlAction && action.url) {
          window.open(action.url, "_blank", "noopener");
        } else {
          say("Teams n'envoie au bot que les boutons Action.Execute.");
        }
      };
      card.parse(typeof content === "string" ? JSON.parse(content) : content);
      const element = card.render();
      if (element) holder.append(element);
    } catch (e) {
      holder.textContent = `Carte illisible : ${e.message}`;
    }
    return holder;
  }

  async function invoke(replyToId, verb, data) {
    if (!current) return;
    say("Envoi de l'action…");
    try {
      const answer = await post(`inbox/${encodeURIComponent(current.objectId)}/invoke`, { replyToId, verb, data });
      const body = answer.body || {};
      if (answer.status >= 400 || answer.error) {
        const message = (body.value && body.value.message) || answer.error || `erreur ${answer.status}`;
        say(`Le bot a refusé l'action : ${message}`);
      } else if (answer.cardReplaced) {
        say("Action enregistrée : la carte a été mise à jour.");
      } else {
        say(typeof body.value === "string" && body.value ? body.value : "Action envoyée.");
      }
    } catch (e) {
      say(`L'action a échoué : ${e.message}`);
    }
    await refresh();
  }

  els.install.addEventListener("click", async () => {
    if (!current) return;
    say("Installation…");
    try {
      await post(`inbox/${encodeURIComponent(current.objectId)}/install`);
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
    say("Envoi…");
    try {
      await post(`inbox/${encodeURIComponent(current.objectId)}/messages`, { text });
      els.text.value = "";
      say("");
    } catch (e) {
      say(`Le message n'est pas parti : ${e.message}`);
    }
    await refresh();
  });

  loadPersonas().catch((e) => say(`Personnes indisponibles : ${e.message}`));
  setInterval(refresh, 1500);
})();
