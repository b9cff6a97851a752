#!/usr/bin/env node
/*
 * Draws the add-in's icons (assets/icon-<size>.png): an orange rounded square with a white
 * pickaxe, and the ribbon's Refresh button (assets/refresh-<size>.png): the same square with a
 * white circular arrow; antialiased by 4×4 supersampling, encoded as RGBA PNG with Node's zlib only.
 * Run: node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
/** The ribbon button's sizes: the three Office requires. */
const REFRESH_SIZES = [16, 32, 80];
const ORANGE = [247, 147, 26];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether point (u, v) of the unit square lies inside the rounded square. */
function inSquare(u, v) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return Math.hypot(u - cx, v - cy) <= r;
}

/** What covers point (u, v) of the unit square: null (transparent), ORANGE or WHITE. */
function shade(u, v) {
  if (!inSquare(u, v)) return null;
  // handle: from lower left to the head's middle
  if (distToSegment(u, v, 0.25, 0.8, 0.62, 0.36) < 0.065) return WHITE;
  // head: an arc through the handle's top end, bowing away from the handle, tips pointing down
  const ang = Math.atan2(v - 0.74, u - 0.3);
  const rad = Math.hypot(u - 0.3, v - 0.74);
  if (Math.abs(rad - 0.46) < 0.06 && Math.abs(ang - -0.87) < 0.8) return WHITE;
  return ORANGE;
}

/** The Refresh button: a ring open at the upper right, its clockwise end an arrowhead. */
function shadeRefresh(u, v) {
  if (!inSquare(u, v)) return null;
  const ang = Math.atan2(v - 0.5, u - 0.5); // 0 = right, −π/2 = up (v grows downwards)
  const rad = Math.hypot(u - 0.5, v - 0.5);
  const gapFrom = -Math.PI / 2; // the ring is open from straight up ...
  const gapTo = -Math.PI / 6; // ... to 30° above the right
  const inGap = ang > gapFrom && ang < gapTo;
  if (Math.abs(rad - 0.26) < 0.065 && !inGap) return WHITE;
  // the arrowhead at the ring's end straight up, pointing clockwise (to the right)
  const [ax, ay] = [0.5, 0.24];
  const along = u - ax; // along the direction of travel
  const across = Math.abs(v - ay);
  if (along >= -0.03 && along <= 0.15 && across <= 0.15 - (along + 0.03) * (0.15 / 0.18)) return WHITE;
  return ORANGE;
}

function icon(size, shadeAt = shade) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shadeAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return png(size, size, rgba);
}

const dir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), icon(size));
for (const size of REFRESH_SIZES) fs.writeFileSync(path.join(dir, `refresh-${size}.png`), icon(size, shadeRefresh));
console.log(`wrote ${[...SIZES.map((s) => `icon-${s}.png`), ...REFRESH_SIZES.map((s) => `refresh-${s}.png`)].join(", ")} to ${dir}`);
