#!/usr/bin/env node
// Builds the Teams app package of one environment:
//
//   node appPackage/build.mjs --env sandbox|production [--out <dir>] [--strict] [--source <dir>]
//
// 1. reads env/<env>.json ({ values: { NAME: value }, mustOverride?: [NAME] }); an environment variable TP_<NAME>
//    (TP_BOT_ID, TP_APP_HOST, TP_TEAMS_APP_ID, TP_APP_VERSION, TP_ENV_SUFFIX) replaces the file's value when set;
// 2. fills every ${{NAME}} of manifest.json and of the localization files it lists (localization/<file>);
// 3. checks the result offline: the official JSON schemas bundled in npm @microsoft/app-manifest
//    (AppManifestUtils.validateAgainstSchema), no placeholder left, icon sizes (color 192×192, outline 32×32),
//    the outline only white or transparent, localization files complete and pointing at real manifest elements,
//    every tab URL on a valid domain, the SSO resource api://<valid domain>/<webApplicationInfo.id>;
// 4. writes <out>/appPackage.<env>.zip (default out: appPackage/build) with manifest.json, the icons and the
//    localization files at its root.
//
// It prints what it does on stderr and, as the last line of stdout, a JSON report:
//   { ok, env, zip, manifestVersion, schema, entries, values: { NAME: { value, from } }, errors, warnings }.
// Exit code: 0 built, 1 refused (the errors say why; no zip is left behind), 2 usage or setup error.
// --strict turns warnings (a value still the example of the env file, an unused value) into errors: use it for a
// package that is going to be published. --source <dir> reads the templates from another folder (tests).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { decodePng } from "./lib/png.mjs";
import { createZip } from "./lib/zip.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const PLACEHOLDER = /\$\{\{([A-Za-z0-9_]+)\}\}/g;
const ANY_PLACEHOLDER = /\$\{\{[^}]*\}\}/;
const ICON_SIZES = { color: 192, outline: 32 };

// What a value must look like, by name (names not listed here only have to be strings).
const FORMATS = {
  TEAMS_APP_ID: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a GUID"],
  BOT_ID: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a GUID (the Entra app's client id)"],
  APP_HOST: [/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/i, "a host name with an optional port, no scheme or path"],
  APP_VERSION: [/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/, "a version major.minor.patch"],
  ENV_SUFFIX: [/^.{0,15}$/u, "at most 15 characters"],
};

class UsageError extends Error {}

function parseArguments(argv) {
  const options = { env: undefined, out: join(here, "build"), source: here, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) {
        throw new UsageError(`${argument} needs a value`);
      }
      return argv[++i];
    };
    if (argument === "--env") {
      options.env = next();
    } else if (argument === "--out") {
      options.out = resolve(next());
    } else if (argument === "--source") {
      options.source = resolve(next());
    } else if (argument === "--strict") {
      options.strict = true;
    } else if (argument === "--help" || argument === "-h") {
      throw new UsageError("usage: node build.mjs --env sandbox|production [--out <dir>] [--strict] [--source <dir>]");
    } else {
      throw new UsageError(`unknown argument ${argument}`);
    }
  }
  if (!options.env || !/^[a-z][a-z0-9-]*$/.test(options.env)) {
    throw new UsageError("--env is required: sandbox or production (a file env/<name>.json)");
  }
  return options;
}

function readJson(path, what, errors) {
  try {
    return JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    errors.push(`${what}: ${error.code === "ENOENT" ? "missing" : error.message}`);
    return undefined;
  }
}

/** The values of the environment: the env file's, each replaced by TP_<NAME> when that variable is set. */
function loadValues(options, errors, warnings) {
  const path = join(options.source, "env", `${options.env}.json`);
  if (!existsSync(path)) {
    const known = existsSync(join(options.source, "env"))
      ? readdirSync(join(options.source, "env")).filter(f => f.endsWith(".json")).map(f => f.slice(0, -5))
      : [];
    throw new UsageError(`no environment "${options.env}" (env/${options.env}.json); known: ${known.join(", ") || "none"}`);
  }
  const file = readJson(path, `env/${options.env}.json`, errors) ?? {};
  const fileValues = file.values ?? {};
  const values = {};
  for (const [name, value] of Object.entries(fileValues)) {
    if (typeof value !== "string") {
      errors.push(`env/${options.env}.json: ${name} must be a string`);
      continue;
    }
    values[name] = { value, from: `env/${options.env}.json` };
  }
  for (const [variable, value] of Object.entries(process.env)) {
    const match = /^TP_([A-Z0-9_]+)$/.exec(variable);
    if (match && value !== undefined) {
      values[match[1]] = { value, from: variable };
    }
  }
  for (const name of file.mustOverride ?? []) {
    if (values[name]?.from !== `TP_${name}`) {
      (options.strict ? errors : warnings).push(
        `${name} is still the example value of env/${options.env}.json: set TP_${name} for a package to publish`);
    }
  }
  for (const [name, { value, from }] of Object.entries(values)) {
    const format = FORMATS[name];
    if (format && !format[0].test(value)) {
      errors.push(`${name} (${from}) must be ${format[1]}: "${value}"`);
    }
  }
  return values;
}

/** Fills ${{NAME}} in a JSON text, escaping each value for a JSON string; reports what stays unfilled. */
function fill(text, fileName, values, used, errors) {
  const missing = new Set();
  const filled = text.replace(PLACEHOLDER, (whole, name) => {
    if (!(name in values)) {
      missing.add(whole);
      return whole;
    }
    used.add(name);
    return JSON.stringify(values[name].value).slice(1, -1);
  });
  for (const placeholder of missing) {
    errors.push(`${fileName}: no value for placeholder ${placeholder}`);
  }
  // Anything else that looks like a placeholder (e.g. a misspelt one) is an error too.
  for (const [line, content] of filled.split("\n").entries()) {
    for (const match of content.matchAll(new RegExp(ANY_PLACEHOLDER.source, "g"))) {
      if (!missing.has(match[0])) {
        errors.push(`${fileName}:${line + 1}: unfilled placeholder ${match[0]}`);
      }
    }
  }
  return filled;
}

/** The bundled schema for a $schema URL of developer.microsoft.com/json-schemas/teams/..., or undefined. */
function localSchemaPath(schemaUrl, packageDirectory) {
  const match = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(json-schemas\/teams\/v[0-9A-Za-z.]+\/MicrosoftTeams(?:\.Localization)?\.schema\.json)$/.exec(schemaUrl ?? "");
  if (!match) {
    return undefined;
  }
  const path = join(packageDirectory, "build", match[1]);
  return existsSync(path) ? path : undefined;
}

/**
 * The bundled localization schemas carry patterns that are valid JavaScript only without the "u" flag (a lone "]" in
 * "activities.activityTypes\\[\\b(...)\\b]"), which Ajv always sets: escape such a "]" so the schema compiles. Any
 * other pattern that does not compile is left alone and fails loudly.
 */
function unicodeSafePatterns(node) {
  if (Array.isArray(node)) {
    return node.map(unicodeSafePatterns);
  }
  if (node === null || typeof node !== "object") {
    return node;
  }
  const fix = pattern => {
    try {
      new RegExp(pattern, "u");
      return pattern;
    } catch {
      return pattern.replace(/\\b\]/g, "\\b\\]");
    }
  };
  const result = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "patternProperties" && value && typeof value === "object") {
      result[key] = Object.fromEntries(Object.entries(value).map(([pattern, schema]) => [fix(pattern), unicodeSafePatterns(schema)]));
    } else if (key === "pattern" && typeof value === "string") {
      result[key] = fix(value);
    } else {
      result[key] = unicodeSafePatterns(value);
    }
  }
  return result;
}

/** Resolves a localization key such as bots[0].commandLists[1].commands[0].title against the manifest. */
function resolveKey(manifest, key) {
  let node = manifest;
  for (const part of key.split(".")) {
    const match = /^([A-Za-z]+)((?:\[[0-9]+\])*)$/.exec(part);
    if (!match) {
      return undefined;
    }
    node = node?.[match[1]];
    for (const index of match[2].matchAll(/\[([0-9]+)\]/g)) {
      node = Array.isArray(node) ? node[Number(index[1])] : undefined;
    }
  }
  return node;
}

function checkIcons(manifest, source, errors) {
  const icons = {};
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = manifest.icons?.[kind];
    if (typeof name !== "string") {
      continue; // the schema reports it
    }
    const path = join(source, name);
    if (!existsSync(path)) {
      errors.push(`icons.${kind}: ${name} is missing`);
      continue;
    }
    const bytes = readFileSync(path);
    let image;
    try {
      image = decodePng(bytes);
    } catch (error) {
      errors.push(`icons.${kind}: ${name} is not a readable PNG (${error.message})`);
      continue;
    }
    if (image.width !== size || image.height !== size) {
      errors.push(`icons.${kind}: ${name} is ${image.width}×${image.height}, must be ${size}×${size}`);
    }
    if (kind === "outline") {
      let wrong = 0;
      let first;
      let visible = 0;
      for (let i = 0; i < image.width * image.height; i++) {
        const [r, g, b, a] = image.rgba.subarray(i * 4, i * 4 + 4);
        if (a === 0) {
          continue;
        }
        visible++;
        if (r !== 255 || g !== 255 || b !== 255) {
          wrong++;
          first ??= `(${i % image.width}, ${Math.floor(i / image.width)}) = rgba(${r}, ${g}, ${b}, ${a})`;
        }
      }
      if (wrong > 0) {
        errors.push(`icons.outline: ${name} must be white on a transparent background; ${wrong} pixel(s) are neither, first ${first}`);
      }
      if (visible === 0) {
        errors.push(`icons.outline: ${name} is fully transparent`);
      }
      if (visible === image.width * image.height) {
        errors.push(`icons.outline: ${name} has no transparent pixel (the background must be transparent)`);
      }
    }
    icons[name] = bytes;
  }
  return icons;
}

function hostOf(url) {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

function domainAllowed(host, validDomains) {
  return validDomains.some(domain => {
    const d = domain.toLowerCase();
    return d === host || (d.startsWith("*.") && host.endsWith(d.slice(1)) && host.length > d.length - 1);
  });
}

function checkDomains(manifest, errors) {
  const validDomains = Array.isArray(manifest.validDomains) ? manifest.validDomains.filter(d => typeof d === "string") : [];
  const urls = [
    ...(manifest.staticTabs ?? []).flatMap((tab, i) => [["contentUrl", tab.contentUrl], ["websiteUrl", tab.websiteUrl]]
      .filter(([, url]) => url).map(([field, url]) => [`staticTabs[${i}].${field}`, url])),
    ...(manifest.configurableTabs ?? []).map((tab, i) => [`configurableTabs[${i}].configurationUrl`, tab.configurationUrl]),
  ];
  for (const [where, url] of urls) {
    if (typeof url !== "string") {
      continue;
    }
    if (!url.startsWith("https://")) {
      errors.push(`${where}: ${url} must be https`);
    }
    const host = hostOf(url);
    if (!host || !domainAllowed(host, validDomains)) {
      errors.push(`${where}: ${url} is not on a valid domain (${validDomains.join(", ") || "none"})`);
    }
  }
  const sso = manifest.webApplicationInfo;
  if (sso) {
    const match = /^api:\/\/([^/]+)\/([^/]+)$/.exec(sso.resource ?? "");
    if (!match) {
      errors.push(`webApplicationInfo.resource: ${sso.resource} must be api://<host>/<webApplicationInfo.id>`);
    } else {
      if (!domainAllowed(match[1].toLowerCase(), validDomains)) {
        errors.push(`webApplicationInfo.resource: host ${match[1]} is not a valid domain`);
      }
      if (match[2].toLowerCase() !== String(sso.id).toLowerCase()) {
        errors.push(`webApplicationInfo.resource: ${sso.resource} must end with webApplicationInfo.id ${sso.id}`);
      }
    }
  }
}

function checkLocalization(manifest, files, errors) {
  const info = manifest.localizationInfo;
  if (!info) {
    return;
  }
  const tags = [info.defaultLanguageTag, ...(info.additionalLanguages ?? []).map(l => l.languageTag)].map(t => String(t).toLowerCase());
  if (new Set(tags).size !== tags.length) {
    errors.push(`localizationInfo: a language appears twice (${tags.join(", ")})`);
  }
  const defaultFile = info.defaultLanguageFile;
  for (const [name, strings] of Object.entries(files)) {
    for (const [key, value] of Object.entries(strings)) {
      if (key === "$schema" || key === "localizationKeys") {
        continue;
      }
      const target = resolveKey(manifest, key);
      if (typeof target !== "string") {
        errors.push(`${name}: ${key} names no text of the manifest`);
      } else if (name === defaultFile && target !== value) {
        errors.push(`${name}: ${key} is "${value}" but the manifest says "${target}" (the default language file must match the manifest)`);
      }
    }
  }
  if (defaultFile && files[defaultFile]) {
    const expected = Object.keys(files[defaultFile]).filter(k => k !== "$schema").sort();
    for (const [name, strings] of Object.entries(files)) {
      const keys = new Set(Object.keys(strings));
      const missing = expected.filter(k => !keys.has(k));
      if (missing.length > 0) {
        errors.push(`${name}: not translated: ${missing.join(", ")}`);
      }
    }
  }
}

async function build(options) {
  const errors = [];
  const warnings = [];
  const report = { ok: false, env: options.env, zip: null, manifestVersion: null, schema: null, entries: [], values: {}, errors, warnings };

  const values = loadValues(options, errors, warnings);
  report.values = values;
  const used = new Set();

  const templateText = readFileSync(join(options.source, "manifest.json"), "utf8").replace(/^\uFEFF/, "");
  const manifestText = fill(templateText, "manifest.json", values, used, errors);
  let manifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    errors.push(`manifest.json: not JSON once filled (${error.message})`);
    return report;
  }
  report.manifestVersion = manifest.manifestVersion ?? null;

  // Localization files: the ones the manifest lists, read from localization/<file>; any other file there is an error.
  const info = manifest.localizationInfo ?? {};
  const listed = [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map(l => l.file)].filter(f => typeof f === "string");
  const localizationDirectory = join(options.source, "localization");
  const present = existsSync(localizationDirectory) ? readdirSync(localizationDirectory).filter(f => f.endsWith(".json")) : [];
  for (const file of present.filter(f => !listed.includes(f))) {
    errors.push(`localization/${file} is not listed in manifest.localizationInfo`);
  }
  const localizationTexts = {};
  const localizations = {};
  for (const file of listed) {
    if (file.includes("/") || file.includes("\\")) {
      errors.push(`localizationInfo: ${file} must be a file name at the package root`);
      continue;
    }
    const path = join(localizationDirectory, file);
    if (!existsSync(path)) {
      errors.push(`localizationInfo lists ${file} but localization/${file} is missing`);
      continue;
    }
    const text = fill(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), `localization/${file}`, values, used, errors);
    try {
      localizations[file] = JSON.parse(text);
      localizationTexts[file] = text;
    } catch (error) {
      errors.push(`localization/${file}: not JSON once filled (${error.message})`);
    }
  }

  for (const name of Object.keys(values).filter(n => !used.has(n))) {
    if (values[name].from.startsWith("env/")) {
      (options.strict ? errors : warnings).push(`${name} (${values[name].from}) is used by no placeholder`);
    }
  }

  // The official schemas, from the package's own copy: never fetched.
  let AppManifestUtils;
  let packageDirectory;
  try {
    ({ AppManifestUtils } = await import("@microsoft/app-manifest"));
    packageDirectory = dirname(dirname(fileURLToPath(import.meta.resolve("@microsoft/app-manifest"))));
  } catch (error) {
    throw new UsageError(`@microsoft/app-manifest is not installed (run npm ci in ${here}): ${error.message}`);
  }
  const schemaPath = localSchemaPath(manifest.$schema, packageDirectory);
  if (!schemaPath || schemaPath.includes(".Localization.")) {
    errors.push(`manifest.json: $schema ${manifest.$schema} is not a Teams schema bundled in @microsoft/app-manifest`);
  } else {
    report.schema = schemaPath.split("/json-schemas/")[1];
    const folder = /\/teams\/v([^/]+)\//.exec(schemaPath)[1];
    if (folder !== manifest.manifestVersion) {
      errors.push(`manifest.json: manifestVersion ${manifest.manifestVersion} does not match its $schema (v${folder})`);
    }
    const schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
    for (const failure of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
      errors.push(`manifest.json schema: ${failure}`);
    }
  }
  for (const [file, strings] of Object.entries(localizations)) {
    const path = localSchemaPath(strings.$schema, packageDirectory);
    if (!path || !path.includes(".Localization.")) {
      errors.push(`${file}: $schema ${strings.$schema} is not a Teams localization schema bundled in @microsoft/app-manifest`);
      continue;
    }
    if (schemaPath && dirname(path) !== dirname(schemaPath)) {
      errors.push(`${file}: $schema is not the localization schema of manifest version ${manifest.manifestVersion}`);
    }
    const schema = unicodeSafePatterns(JSON.parse(readFileSync(path, "utf8")));
    for (const failure of await AppManifestUtils.validateAgainstSchema(strings, schema)) {
      errors.push(`${file} schema: ${failure}`);
    }
  }

  const icons = checkIcons(manifest, options.source, errors);
  checkDomains(manifest, errors);
  checkLocalization(manifest, localizations, errors);

  if (errors.length > 0) {
    return report;
  }

  const entries = [
    { name: "manifest.json", data: Buffer.from(manifestText, "utf8") },
    ...Object.entries(icons).map(([name, data]) => ({ name, data })),
    ...Object.entries(localizationTexts).map(([name, text]) => ({ name, data: Buffer.from(text, "utf8") })),
  ];
  mkdirSync(options.out, { recursive: true });
  const zipPath = join(options.out, `appPackage.${options.env}.zip`);
  writeFileSync(zipPath, createZip(entries));
  report.zip = zipPath;
  report.entries = entries.map(e => e.name);
  report.ok = true;
  return report;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    console.log(JSON.stringify({ ok: false, errors: [error.message], warnings: [] }));
    return 2;
  }
  let report;
  try {
    report = await build(options);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `unexpected: ${error.stack ?? error}`;
    console.error(message);
    console.log(JSON.stringify({ ok: false, env: options.env, errors: [message], warnings: [] }));
    return 2;
  }
  for (const warning of report.warnings) {
    console.error(`warning: ${warning}`);
  }
  if (!report.ok) {
    // Never leave an older package of this environment behind a failed build.
    rmSync(join(options.out, `appPackage.${options.env}.zip`), { force: true });
    for (const error of report.errors) {
      console.error(`error: ${error}`);
    }
    console.error(`appPackage.${options.env}.zip NOT built: ${report.errors.length} error(s)`);
  } else {
    console.error(`built ${report.zip} (manifest ${report.manifestVersion}, ${report.entries.length} files, schema-valid)`);
  }
  console.log(JSON.stringify(report));
  return report.ok ? 0 : 1;
}

process.exitCode = await main();
