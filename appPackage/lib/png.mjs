// A minimal PNG encoder (8-bit RGBA) and decoder (8-bit greyscale, grey+alpha, RGB, RGBA; palette; non-interlaced),
// enough to write the app's icons and to check any icon a person drops in instead.
import { deflateSync, inflateSync } from "node:zlib";
import { crc32 } from "./crc32.mjs";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes width × height RGBA pixels (a Uint8Array of width*height*4 bytes) as a PNG. */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG into { width, height, rgba } (rgba: width*height*4 bytes). Throws on what it cannot read. */
export function decodePng(buffer) {
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error("not a PNG file (bad signature)");
  }
  let offset = 8;
  let header;
  let palette;
  let transparency;
  const data = [];
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    const storedCrc = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8), body) !== storedCrc) {
      throw new Error(`PNG chunk ${type} has a bad CRC`);
    }
    if (type === "IHDR") {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colourType: body[9],
        interlace: body[12],
      };
    } else if (type === "PLTE") {
      palette = body;
    } else if (type === "tRNS") {
      transparency = body;
    } else if (type === "IDAT") {
      data.push(body);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  if (!header) {
    throw new Error("PNG without IHDR");
  }
  const { width, height, bitDepth, colourType, interlace } = header;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType];
  if (!channels || bitDepth !== 8 || interlace !== 0) {
    throw new Error(`PNG with colour type ${colourType}, bit depth ${bitDepth}, interlace ${interlace} is not supported (use 8-bit, non-interlaced)`);
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) {
    throw new Error("PNG image data is truncated");
  }
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      const value = line[x];
      pixels[out + x] =
        (filter === 0 ? value
          : filter === 1 ? value + a
          : filter === 2 ? value + b
          : filter === 3 ? value + ((a + b) >> 1)
          : filter === 4 ? value + paeth(a, b, c)
          : NaN) & 0xff;
      if (filter > 4) {
        throw new Error(`PNG line ${y} has an unknown filter ${filter}`);
      }
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    let r, g, b, alpha;
    if (colourType === 0) {
      r = g = b = pixels[p];
      alpha = transparency && transparency.length >= 2 && transparency.readUInt16BE(0) === pixels[p] ? 0 : 255;
    } else if (colourType === 2) {
      [r, g, b] = [pixels[p], pixels[p + 1], pixels[p + 2]];
      alpha = transparency && transparency.length >= 6
        && transparency.readUInt16BE(0) === r && transparency.readUInt16BE(2) === g && transparency.readUInt16BE(4) === b ? 0 : 255;
    } else if (colourType === 3) {
      const index = pixels[p];
      if (!palette || index * 3 + 2 >= palette.length) {
        throw new Error("PNG palette index out of range");
      }
      [r, g, b] = [palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]];
      alpha = transparency && index < transparency.length ? transparency[index] : 255;
    } else if (colourType === 4) {
      r = g = b = pixels[p];
      alpha = pixels[p + 1];
    } else {
      [r, g, b, alpha] = [pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3]];
    }
    rgba.set([r, g, b, alpha], i * 4);
  }
  return { width, height, rgba };
}
