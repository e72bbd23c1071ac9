// Draws the app's two icons and writes them beside this script:
//   color.png   192×192: a white shield with a check mark on the accent colour (full bleed, as Teams wants it);
//   outline.png  32×32: the same shield drawn as a white outline on a fully transparent background.
// Run `node make-icons.mjs` after changing the drawing; the PNGs are committed. `--out <dir>` writes them elsewhere
// (the tests check that the committed icons are what this script draws).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "./lib/png.mjs";

export const ACCENT = "#2B4C7E";
const here = dirname(fileURLToPath(import.meta.url));

// The shield in its own coordinates: u in [-1, 1] across, v in [0, 1] from top to bottom. Straight sides down to
// v = 0.42, then a parabola to the point at the bottom. The top edge dips slightly towards the middle.
function inShield(u, v, shrink = 0) {
  const top = 0.04 * (1 - u * u) + shrink;
  const bottom = 1 - shrink * 1.6;
  if (v < top || v > bottom) {
    return false;
  }
  const bend = 0.42;
  const t = v <= bend ? 0 : (v - bend) / (bottom - bend);
  const half = (1 - shrink) * (1 - t * t);
  return Math.abs(u) <= half;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The check mark, in shield coordinates (u, v), as a thick polyline.
const CHECK = [[-0.46, 0.47], [-0.12, 0.74], [0.5, 0.2]];
function inCheck(u, v, thickness, scale = 1) {
  // Scaled about the shield's centre (0, 0.47); v spans half the distance of u, so it is doubled to keep the stroke
  // as wide in both directions.
  const points = CHECK.map(([cu, cv]) => [cu * scale, (0.47 + (cv - 0.47) * scale) * 2]);
  return distanceToSegment(u, v * 2, points[0], points[1]) <= thickness
    || distanceToSegment(u, v * 2, points[1], points[2]) <= thickness;
}

function hexToRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/**
 * Renders size × size pixels: for each pixel, `shade(u, v)` on 5×5 sub-samples gives "fg" (white), "bg" or null
 * (transparent); the pixel is the average.
 */
function render(size, shieldScale, shade, background) {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 5;
  const shieldHeight = size * shieldScale;
  const shieldWidth = shieldHeight * 0.82;
  const left = (size - shieldWidth) / 2;
  const top = (size - shieldHeight) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let white = 0;
      let back = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const u = ((px - left) / shieldWidth) * 2 - 1;
          const v = (py - top) / shieldHeight;
          const what = shade(u, v);
          if (what === "fg") {
            white++;
          } else if (what === "bg") {
            back++;
          }
        }
      }
      const total = samples * samples;
      const i = (y * size + x) * 4;
      if (background) {
        // Opaque: blend white over the background colour.
        const [r, g, b] = background;
        const w = white / total;
        rgba[i] = Math.round(r + (255 - r) * w);
        rgba[i + 1] = Math.round(g + (255 - g) * w);
        rgba[i + 2] = Math.round(b + (255 - b) * w);
        rgba[i + 3] = 255;
      } else {
        // White at the coverage's opacity; nothing at all where nothing is drawn.
        const alpha = Math.round((255 * white) / total);
        rgba.set(alpha === 0 ? [0, 0, 0, 0] : [255, 255, 255, alpha], i);
      }
    }
  }
  return rgba;
}

export function drawColour() {
  const accent = hexToRgb(ACCENT);
  return render(192, 0.62, (u, v) => (inShield(u, v) && !inCheck(u, v, 0.13) ? "fg" : "bg"), accent);
}

export function drawOutline() {
  return render(32, 0.84, (u, v) => {
    const ring = inShield(u, v) && !inShield(u, v, 0.14);
    return ring || inCheck(u, v, 0.12, 0.68) ? "fg" : null;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : here;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "color.png"), encodePng(192, 192, drawColour()));
  writeFileSync(join(out, "outline.png"), encodePng(32, 32, drawOutline()));
  console.log(`wrote color.png (192×192) and outline.png (32×32) in ${out}`);
}
