#!/usr/bin/env node
// Draws Balans' icon (a white balance scale on Excel green) as PNGs at the sizes Office asks for.
// Run once with `node scripts/make-icons.js`; the PNGs in assets/ are committed.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Coverage in unit coordinates: which parts of the square are background, which are the scale.
function inBackground(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r),
    cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}
function inScale(x, y) {
  const w = 0.035;
  if (x > 0.465 && x < 0.535 && y > 0.2 && y < 0.8) return true; // post
  if (x > 0.3 && x < 0.7 && y > 0.74 && y < 0.81) return true; // foot
  if (x > 0.14 && x < 0.86 && y > 0.26 && y < 0.32) return true; // beam
  for (const c of [0.25, 0.75]) {
    if (distToSegment(x, y, c, 0.29, c - 0.11, 0.56) < w / 1.5) return true; // strings
    if (distToSegment(x, y, c, 0.29, c + 0.11, 0.56) < w / 1.5) return true;
    if (y >= 0.55 && Math.hypot(x - c, y - 0.55) < 0.13) return true; // pan
  }
  return Math.hypot(x - 0.5, y - 0.2) < 0.05; // knob
}

function png(size) {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let bg = 0,
        fg = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size,
            y = (py + (sy + 0.5) / ss) / size;
          if (inBackground(x, y)) {
            bg++;
            if (inScale(x, y)) fg++;
          }
        }
      const n = ss * ss,
        a = bg / n,
        f = bg ? fg / bg : 0;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(GREEN[i] * (1 - f) + WHITE[i] * f);
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(td) >>> 0 : crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
}
console.log("icons written to", out);
