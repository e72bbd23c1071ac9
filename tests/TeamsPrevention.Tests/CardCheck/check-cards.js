// Checks Adaptive Cards with the official renderer's parser (npm adaptivecards 3.0.6) plus what it does not check but
// Teams needs: version at most 1.5, a TextBlock has text, an Image has a url, an Action.Execute has a verb, the card is
// under 28 KB.
//
//   node check-cards.js < card.json       one card (or a JSON array of cards): prints the errors, exit code 1 if any
//   node check-cards.js --lines           one request per stdin line (a JSON array of cards), one answer per stdout
//                                         line (a JSON array with one array of error strings per card), until stdin ends
//
// On Node 20 the package's main entry fails: load its browser bundle, which parses and validates without a DOM.
"use strict";
const AC = require("adaptivecards/dist/adaptivecards.js");
const readline = require("node:readline");

const MaxVersion = [1, 5];
const MaxBytes = 28 * 1024;

function describe(source) {
  if (!source || typeof source.getJsonTypeName !== "function") return "card";
  const id = source.id ? ` "${source.id}"` : "";
  return `${source.getJsonTypeName()}${id}`;
}

function versionOf(text) {
  const match = /^(\d+)\.(\d+)$/.exec(String(text ?? ""));
  return match ? [Number(match[1]), Number(match[2])] : null;
}

// What the renderer does not report, found by walking the card's JSON.
function ownChecks(json, errors) {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    errors.push("own: the card is not a JSON object.");
    return;
  }
  if (json.type !== "AdaptiveCard") errors.push(`own: the root type is "${json.type}", not "AdaptiveCard".`);
  const version = versionOf(json.version);
  if (!version) {
    errors.push(`own: the card has no valid version ("${json.version ?? ""}").`);
  } else if (version[0] > MaxVersion[0] || (version[0] === MaxVersion[0] && version[1] > MaxVersion[1])) {
    errors.push(`own: version ${json.version} is above 1.5, the highest Teams renders for bots.`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(json), "utf8");
  if (bytes >= MaxBytes) errors.push(`own: the card is ${bytes} bytes; Teams posts must stay under ${MaxBytes}.`);

  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== "object") return;
    const isBlank = (value) => typeof value !== "string" || value.trim() === "";
    switch (node.type) {
      case "TextBlock":
        if (isBlank(node.text)) errors.push(`own: TextBlock at ${path} has no text.`);
        break;
      case "Image":
        if (isBlank(node.url)) errors.push(`own: Image at ${path} has no url.`);
        break;
      case "Action.Execute":
        if (isBlank(node.verb)) errors.push(`own: Action.Execute at ${path} has no verb.`);
        break;
      default:
        break;
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
  };
  walk(json, "$");
}

function check(json) {
  const errors = [];
  // The renderer's "lang" pattern is a global regex, so exec() keeps its position from one card to the next and
  // rejects every other valid "lang": reset it so a card's verdict never depends on the card checked before it.
  if (AC.CardElement.langProperty && AC.CardElement.langProperty.regEx) AC.CardElement.langProperty.regEx.lastIndex = 0;
  try {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      errors.push(`parse: ${describe(e.source)}: ${e.message}`);
    }
    for (const e of card.validateProperties().validationEvents) {
      errors.push(`validate: ${describe(e.source)}: ${e.message}`);
    }
  } catch (e) {
    errors.push(`parse: the renderer threw: ${e && e.message}`);
  }
  ownChecks(json, errors);
  return errors;
}

function checkAll(input) {
  return (Array.isArray(input) ? input : [input]).map(check);
}

if (process.argv.includes("--lines")) {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    let answer;
    try {
      answer = checkAll(JSON.parse(line));
    } catch (e) {
      answer = { error: `The request is not JSON: ${e.message}` };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
} else {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => { text += chunk; });
  process.stdin.on("end", () => {
    const results = checkAll(JSON.parse(text));
    let failed = 0;
    results.forEach((errors, i) => {
      if (errors.length === 0) {
        console.log(`card ${i + 1}: valid`);
      } else {
        failed++;
        console.log(`card ${i + 1}:\n  ${errors.join("\n  ")}`);
      }
    });
    process.exitCode = failed === 0 ? 0 : 1;
  });
}
