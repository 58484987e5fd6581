// npx tsx scripts/make-sample-images.ts
//
// Draws the sample archive's pictures (assets/images/sample/) as SVG in code and renders them
// with sharp, so the repository holds only images its own authors made. Every figure in them
// is invented, like the articles that use them. The output is deterministic: the only
// randomness comes from a seeded generator, so running the script again rewrites the same
// files. There is no text in the pictures (fonts differ between machines); the few axis
// numbers are drawn as seven-segment strokes.

import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const OUT_DIR = "assets/images/sample";
const W = 1600;
const H = 900;

/** mulberry32: a small seeded generator, so "random" scenery is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rounds coordinates so the SVG (and so the picture) does not depend on float printing. */
const r = (n: number) => Math.round(n * 10) / 10;

function svg(body: string, background: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<rect width="${W}" height="${H}" fill="${background}"/>${body}</svg>`
  );
}

// ---------------------------------------------------------------------------------------
// Seven-segment digits: axis numbers without depending on any installed font.

//   a
// f   b
//   g
// e   c
//   d
const SEGMENTS: Record<string, string> = {
  "0": "abcdef", "1": "bc", "2": "abged", "3": "abgcd", "4": "fgbc",
  "5": "afgcd", "6": "afgedc", "7": "abc", "8": "abcdefg", "9": "abcdfg",
};

/** A number drawn as strokes, its baseline-left corner at (x, y); returns the SVG. */
function digits(text: string, x: number, y: number, size = 28, color = "#5b6470", anchor: "start" | "middle" | "end" = "start"): string {
  const w = size * 0.55;
  const gap = size * 0.3;
  // A "1" is a single stroke: give it a narrow cell, as printed digits do.
  const cell = (ch: string) => (ch === "1" ? w * 0.3 : w);
  const total = [...text].reduce((sum, ch) => sum + cell(ch), 0) + (text.length - 1) * gap;
  let left = anchor === "start" ? x : anchor === "middle" ? x - total / 2 : x - total;
  const top = y - size;
  const parts: string[] = [];
  for (const ch of text) {
    const s = SEGMENTS[ch] ?? "";
    const h2 = size / 2;
    const cw = cell(ch);
    const seg: Record<string, [number, number, number, number]> = {
      a: [0, 0, w, 0], b: [cw, 0, cw, h2], c: [cw, h2, cw, size], d: [0, size, w, size],
      e: [0, h2, 0, size], f: [0, 0, 0, h2], g: [0, h2, w, h2],
    };
    for (const key of s) {
      const [x1, y1, x2, y2] = seg[key]!;
      parts.push(`M${r(left + x1)} ${r(top + y1)}L${r(left + x2)} ${r(top + y2)}`);
    }
    left += cw + gap;
  }
  return `<path d="${parts.join("")}" stroke="${color}" stroke-width="${r(size / 9)}" stroke-linecap="round" fill="none"/>`;
}

// ---------------------------------------------------------------------------------------
// 1. Metro trips per day over the May Day holiday (2026), in ten thousands.

function metroRidership(): string {
  // April 30 (an ordinary working day) and May 1-5: invented figures, used in the article.
  const days = [
    { label: "30", value: 286 },
    { label: "1", value: 352 },
    { label: "2", value: 331 },
    { label: "3", value: 318 },
    { label: "4", value: 305 },
    { label: "5", value: 297 },
  ];
  const left = 170, right = 1500, top = 110, bottom = 760, max = 400;
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  let body = "";
  for (let v = 0; v <= max; v += 100) {
    body += `<line x1="${left}" y1="${r(y(v))}" x2="${right}" y2="${r(y(v))}" stroke="${v === 0 ? "#44505c" : "#d5dbe1"}" stroke-width="${v === 0 ? 4 : 2}"/>`;
    body += digits(String(v), left - 30, y(v) + 14, 28, "#5b6470", "end");
  }
  const slot = (right - left) / days.length;
  days.forEach((d, i) => {
    const x = left + slot * i + slot * 0.2;
    const w = slot * 0.6;
    const peak = d.value === Math.max(...days.map((e) => e.value));
    const fill = i === 0 ? "#9aa7b4" : peak ? "#c0392b" : "#e07a5f";
    body += `<rect x="${r(x)}" y="${r(y(d.value))}" width="${r(w)}" height="${r(bottom - y(d.value))}" rx="6" fill="${fill}"/>`;
    body += digits(String(d.value), x + w / 2, y(d.value) - 22, 30, "#2d3640", "middle");
    body += digits(d.label, x + w / 2, bottom + 62, 34, "#2d3640", "middle");
  });
  // A thin separator between the working day and the holiday.
  const sep = left + slot;
  body += `<line x1="${r(sep)}" y1="${top - 20}" x2="${r(sep)}" y2="${bottom}" stroke="#9aa7b4" stroke-width="3" stroke-dasharray="10 10"/>`;
  return svg(body, "#f7f8fa");
}

// ---------------------------------------------------------------------------------------
// 2. A schematic metro map: older lines in muted colours, the new line bold, its new
//    stations as open rings.

function metroMap(): string {
  const lines: { color: string; points: [number, number][]; width: number; newStations?: number[] }[] = [
    { color: "#c8102e", width: 14, points: [[80, 470], [420, 470], [700, 470], [980, 470], [1250, 470], [1520, 470]] },
    { color: "#f2a900", width: 14, points: [[700, 80], [700, 300], [700, 470], [700, 650], [700, 830]] },
    { color: "#00843d", width: 14, points: [[220, 160], [420, 300], [420, 470], [420, 700], [560, 820]] },
    { color: "#6c4b9e", width: 14, points: [[980, 120], [980, 300], [980, 470], [1120, 640], [1360, 760]] },
    // The new line, crossing the others: its eastern stations are new.
    { color: "#0072ce", width: 22, points: [[160, 700], [420, 700], [700, 650], [980, 600], [1180, 420], [1360, 300], [1520, 220]], newStations: [4, 5, 6] },
  ];
  const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? "L" : "M"}${x} ${y}`).join("");
  let body = "";
  // A river band (the Jinshui River, stylised) and a park block, as in a tourist map.
  body += `<path d="M0 260 C300 220 520 330 800 300 S1300 220 1600 270 L1600 300 C1300 250 1050 340 800 330 S300 250 0 290 Z" fill="#cfe3f0"/>`;
  body += `<rect x="1230" y="560" width="260" height="150" rx="30" fill="#dcebd5"/>`;
  for (const line of lines) {
    body += `<path d="${path(line.points)}" stroke="${line.color}" stroke-width="${line.width}" fill="none" stroke-linejoin="round" stroke-linecap="round"/>`;
  }
  for (const line of lines) {
    line.points.forEach(([x, y], i) => {
      const isNew = line.newStations?.includes(i);
      body += isNew
        ? `<circle cx="${x}" cy="${y}" r="24" fill="#ffffff" stroke="${line.color}" stroke-width="10"/>`
        : `<circle cx="${x}" cy="${y}" r="15" fill="#ffffff" stroke="#2d3640" stroke-width="6"/>`;
    });
  }
  return svg(body, "#fbfbf8");
}

// ---------------------------------------------------------------------------------------
// 3. A bus route sketch: the Yellow River across the top, a street grid, and the new route
//    from a metro interchange in the south to the riverside park in the north.

function busRoute(): string {
  let body = "";
  body += `<path d="M0 40 C400 90 700 10 1000 60 S1400 120 1600 70 L1600 200 C1350 230 1150 150 900 190 S350 240 0 180 Z" fill="#d9b77a"/>`;
  body += `<path d="M0 190 C350 250 700 170 900 200 S1350 240 1600 210 L1600 250 C1350 280 1100 220 900 240 S350 290 0 240 Z" fill="#a9c98f"/>`;
  // Street grid.
  for (let x = 100; x < W; x += 180) body += `<line x1="${x}" y1="260" x2="${x}" y2="${H}" stroke="#e3e6ea" stroke-width="16"/>`;
  for (let y = 330; y < H; y += 140) body += `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="#e3e6ea" stroke-width="16"/>`;
  // The route: south-west interchange to the riverside park gate.
  const route: [number, number][] = [[280, 830], [280, 750], [460, 750], [460, 610], [820, 610], [820, 470], [1180, 470], [1180, 330], [1360, 330], [1360, 240]];
  const d = route.map(([x, y], i) => `${i ? "L" : "M"}${x} ${y}`).join("");
  body += `<path d="${d}" stroke="#ffffff" stroke-width="34" fill="none" stroke-linejoin="round" stroke-linecap="round"/>`;
  body += `<path d="${d}" stroke="#1f7a4d" stroke-width="20" fill="none" stroke-linejoin="round" stroke-linecap="round"/>`;
  // Stops, evenly along the route's corners and midpoints.
  const stops: [number, number][] = [[280, 830], [370, 750], [460, 680], [640, 610], [820, 540], [1000, 470], [1180, 400], [1270, 330], [1360, 240]];
  stops.forEach(([x, y], i) => {
    const end = i === 0 || i === stops.length - 1;
    body += `<circle cx="${x}" cy="${y}" r="${end ? 26 : 16}" fill="#ffffff" stroke="#1f7a4d" stroke-width="${end ? 10 : 7}"/>`;
  });
  // The metro interchange at the southern end: a small "M"-less roundel in the metro's red.
  body += `<circle cx="280" cy="830" r="9" fill="#c8102e"/>`;
  // The park gate at the northern end: two trees.
  for (const [x, y] of [[1420, 215], [1470, 235]] as [number, number][]) {
    body += `<circle cx="${x}" cy="${y}" r="22" fill="#4f8a3c"/>`;
  }
  return svg(body, "#f4f1ea");
}

// ---------------------------------------------------------------------------------------
// 4. Daily highest temperatures, July 1-14, 2023, with the 35 and 40 degree lines.

const HEAT = [33, 35, 37, 38, 39, 40, 41, 40, 38, 36, 35, 37, 39, 38];

function heatWave(): string {
  const left = 170, right = 1520, top = 90, bottom = 770, min = 25, max = 45;
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  const x = (i: number) => left + 40 + (i * (right - left - 80)) / (HEAT.length - 1);
  let body = "";
  // Warm bands above the heat-wave threshold.
  body += `<rect x="${left}" y="${r(y(max))}" width="${right - left}" height="${r(y(40) - y(max))}" fill="#fbe1d6"/>`;
  body += `<rect x="${left}" y="${r(y(40))}" width="${right - left}" height="${r(y(35) - y(40))}" fill="#fdf0e0"/>`;
  for (let v = min; v <= max; v += 5) {
    body += `<line x1="${left}" y1="${r(y(v))}" x2="${right}" y2="${r(y(v))}" stroke="${v === 35 || v === 40 ? "#d9822b" : "#d5dbe1"}" stroke-width="${v === 35 || v === 40 ? 4 : 2}"${v === 35 || v === 40 ? ' stroke-dasharray="16 10"' : ""}/>`;
    body += digits(String(v), left - 30, y(v) + 14, 28, "#5b6470", "end");
  }
  const points = HEAT.map((v, i) => `${r(x(i))},${r(y(v))}`).join(" ");
  body += `<polygon points="${r(x(0))},${bottom} ${points} ${r(x(HEAT.length - 1))},${bottom}" fill="#e4572e" fill-opacity="0.12"/>`;
  body += `<polyline points="${points}" stroke="#c0392b" stroke-width="8" fill="none" stroke-linejoin="round"/>`;
  HEAT.forEach((v, i) => {
    const hottest = v === Math.max(...HEAT);
    body += `<circle cx="${r(x(i))}" cy="${r(y(v))}" r="${hottest ? 18 : 11}" fill="${hottest ? "#c0392b" : "#ffffff"}" stroke="#c0392b" stroke-width="6"/>`;
    body += digits(String(i + 1), x(i), bottom + 58, 28, "#2d3640", "middle");
  });
  return svg(body, "#ffffff");
}

// ---------------------------------------------------------------------------------------
// 5. Chrysanthemums: rows of potted flowers in a park, seeded so they come out the same.

function chrysanthemums(): string {
  const rand = seeded(20231027);
  const palettes = [
    ["#f6c915", "#e0a800", "#fff1a6"],
    ["#ffffff", "#e7e2d8", "#fff9e8"],
    ["#b04fa4", "#8a2f7f", "#e3a6da"],
    ["#e8742a", "#c4501b", "#ffc18f"],
    ["#d8394c", "#a9213a", "#f7a1ab"],
  ];
  let body = `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe6f5"/><stop offset="1" stop-color="#f6efe1"/></linearGradient></defs>`;
  body += `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
  // Distant trees and a pavilion roof line.
  for (let i = 0; i < 14; i++) {
    const cx = i * 125 + rand() * 40;
    body += `<ellipse cx="${r(cx)}" cy="${r(330 + rand() * 30)}" rx="${r(90 + rand() * 40)}" ry="${r(70 + rand() * 30)}" fill="#9cbf8a"/>`;
  }
  body += `<path d="M1040 250 Q1160 200 1280 250 L1250 262 L1070 262 Z" fill="#7a3b2e"/><rect x="1090" y="262" width="14" height="90" fill="#7a3b2e"/><rect x="1216" y="262" width="14" height="90" fill="#7a3b2e"/>`;
  body += `<rect y="360" width="${W}" height="${H - 360}" fill="#6f9a57"/>`;
  const flower = (cx: number, cy: number, radius: number, pal: string[]) => {
    let s = "";
    const petals = 18 + Math.floor(rand() * 8);
    for (const [ring, scale] of [[0, 1], [1, 0.72], [2, 0.45]] as const) {
      for (let p = 0; p < petals; p++) {
        const a = (p / petals) * 360 + ring * 9;
        const len = radius * scale;
        s += `<ellipse cx="${r(cx)}" cy="${r(cy - len / 2)}" rx="${r(len * 0.16)}" ry="${r(len / 2)}" fill="${pal[ring === 0 ? 0 : ring === 1 ? 2 : 1]}" transform="rotate(${r(a)} ${r(cx)} ${r(cy)})"/>`;
      }
    }
    s += `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius * 0.16)}" fill="${pal[1]}"/>`;
    return s;
  };
  // Four tiers of flowers, back to front, each larger than the one behind it.
  for (let row = 0; row < 4; row++) {
    const y0 = 400 + row * 140;
    const size = 34 + row * 14;
    body += `<rect x="0" y="${y0 + size * 0.6}" width="${W}" height="${r(size * 1.2)}" fill="#4e7a3a"/>`;
    for (let x = -20 + rand() * 40; x < W + 40; x += size * 2.1) {
      const pal = palettes[Math.floor(rand() * palettes.length)]!;
      body += flower(x, y0 + rand() * 24, size, pal);
    }
  }
  return svg(body, "#cfe6f5");
}

// ---------------------------------------------------------------------------------------
// 6. Lanterns at night: strings of red lanterns over a plaza, a crescent-free clear sky
//    (the Lantern Festival falls on a full moon).

function lanterns(): string {
  const rand = seeded(20250212);
  let body = `<defs>`;
  body += `<linearGradient id="night" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0c1633"/><stop offset="1" stop-color="#2a2350"/></linearGradient>`;
  body += `<radialGradient id="glow"><stop offset="0" stop-color="#ffb347" stop-opacity="0.55"/><stop offset="1" stop-color="#ffb347" stop-opacity="0"/></radialGradient>`;
  body += `<radialGradient id="lantern" cx="0.4" cy="0.4"><stop offset="0" stop-color="#ff6b4a"/><stop offset="1" stop-color="#b3121f"/></radialGradient>`;
  body += `</defs><rect width="${W}" height="${H}" fill="url(#night)"/>`;
  for (let i = 0; i < 90; i++) {
    body += `<circle cx="${r(rand() * W)}" cy="${r(rand() * 330)}" r="${r(1 + rand() * 2)}" fill="#ffffff" fill-opacity="${r(0.4 + rand() * 0.5)}"/>`;
  }
  body += `<circle cx="1330" cy="140" r="70" fill="#fff4d6"/><circle cx="1330" cy="140" r="120" fill="#fff4d6" fill-opacity="0.12"/>`;
  // The plaza and a low roof line in silhouette.
  body += `<path d="M0 760 L1600 760 L1600 900 L0 900 Z" fill="#1a1430"/>`;
  body += `<path d="M120 760 L120 660 L60 660 L200 600 L340 660 L280 660 L280 760 Z" fill="#140f26"/>`;
  body += `<path d="M1260 760 L1260 640 L1180 640 L1360 570 L1540 640 L1460 640 L1460 760 Z" fill="#140f26"/>`;
  const lantern = (x: number, y: number, s: number) =>
    `<circle cx="${r(x)}" cy="${r(y)}" r="${r(s * 2.2)}" fill="url(#glow)"/>` +
    `<rect x="${r(x - s * 0.35)}" y="${r(y - s * 0.95)}" width="${r(s * 0.7)}" height="${r(s * 0.2)}" fill="#e0b040"/>` +
    `<ellipse cx="${r(x)}" cy="${r(y)}" rx="${r(s)}" ry="${r(s * 0.82)}" fill="url(#lantern)"/>` +
    `<ellipse cx="${r(x)}" cy="${r(y)}" rx="${r(s * 0.45)}" ry="${r(s * 0.82)}" fill="none" stroke="#7d0a14" stroke-width="${r(s * 0.05)}"/>` +
    `<rect x="${r(x - s * 0.35)}" y="${r(y + s * 0.75)}" width="${r(s * 0.7)}" height="${r(s * 0.2)}" fill="#e0b040"/>` +
    `<path d="M${r(x)} ${r(y + s * 0.95)} l0 ${r(s * 0.7)}" stroke="#e0b040" stroke-width="${r(s * 0.12)}"/>`;
  // Three strings, sagging between poles, nearer ones larger.
  const strings = [
    { y: 380, sag: 60, size: 28, count: 13 },
    { y: 290, sag: 90, size: 40, count: 9 },
    { y: 170, sag: 130, size: 58, count: 6 },
  ];
  for (const s of strings) {
    body += `<path d="M-20 ${s.y} Q${W / 2} ${s.y + s.sag * 2} ${W + 20} ${s.y}" stroke="#3b2f55" stroke-width="4" fill="none"/>`;
    for (let i = 0; i < s.count; i++) {
      const t = (i + 0.5) / s.count;
      const x = -20 + t * (W + 40);
      // Point on the quadratic curve at t (control point in the middle, twice the sag).
      const yCurve = (1 - t) * (1 - t) * s.y + 2 * (1 - t) * t * (s.y + s.sag * 2) + t * t * s.y;
      const drop = s.size * (1.1 + rand() * 0.3);
      body += `<line x1="${r(x)}" y1="${r(yCurve)}" x2="${r(x)}" y2="${r(yCurve + drop)}" stroke="#3b2f55" stroke-width="3"/>`;
      body += lantern(x, yCurve + drop + s.size, s.size);
    }
  }
  // Visitors in silhouette along the plaza.
  for (let i = 0; i < 26; i++) {
    const x = 40 + i * 60 + rand() * 30;
    const h = 70 + rand() * 40;
    body += `<circle cx="${r(x)}" cy="${r(900 - h - 14)}" r="14" fill="#0b0818"/><rect x="${r(x - 16)}" y="${r(900 - h)}" width="32" height="${r(h)}" rx="14" fill="#0b0818"/>`;
  }
  return svg(body, "#0c1633");
}

// ---------------------------------------------------------------------------------------
// 7. A Yellow River park at dusk: the wide river, the embankment path, willows, reeds and
//    a cyclist.

function yellowRiverPark(): string {
  const rand = seeded(20240512);
  let body = `<defs>`;
  body += `<linearGradient id="dusk" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb3d9"/><stop offset="0.7" stop-color="#f3d6a4"/><stop offset="1" stop-color="#f7c98b"/></linearGradient>`;
  body += `<linearGradient id="river" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c99a5b"/><stop offset="1" stop-color="#a9753d"/></linearGradient>`;
  body += `</defs><rect width="${W}" height="${H}" fill="url(#dusk)"/>`;
  body += `<circle cx="420" cy="330" r="48" fill="#fff0c8"/>`;
  // Far bank and hills.
  body += `<path d="M0 380 C200 340 380 360 560 350 S900 320 1120 345 S1450 330 1600 350 L1600 420 L0 420 Z" fill="#9aa68a"/>`;
  // The river: wide and silty.
  body += `<path d="M0 410 L1600 410 L1600 560 C1200 590 700 540 0 600 Z" fill="url(#river)"/>`;
  for (let i = 0; i < 24; i++) {
    const x = rand() * W, y = 430 + rand() * 120, w = 60 + rand() * 140;
    body += `<path d="M${r(x)} ${r(y)} q${r(w / 2)} -6 ${r(w)} 0" stroke="#e2bf85" stroke-width="3" fill="none" stroke-opacity="0.8"/>`;
  }
  // Near bank: grass, then the embankment path.
  body += `<path d="M0 600 C700 540 1200 590 1600 560 L1600 900 L0 900 Z" fill="#7fae5e"/>`;
  body += `<path d="M0 760 C500 700 1000 720 1600 660 L1600 730 C1000 790 500 770 0 830 Z" fill="#e7dcc6"/>`;
  // Reeds along the water.
  for (let i = 0; i < 160; i++) {
    const x = rand() * W;
    const base = 600 - (x / W) * 30 + rand() * 20;
    const h = 30 + rand() * 50;
    body += `<path d="M${r(x)} ${r(base)} q${r(4 - rand() * 8)} ${r(-h / 2)} ${r(6 - rand() * 12)} ${r(-h)}" stroke="#5f7f3a" stroke-width="3" fill="none"/>`;
  }
  // Willows.
  for (const [x, s] of [[160, 1.2], [520, 0.9], [1240, 1.1], [1480, 1.3]] as [number, number][]) {
    const baseY = 760 - (x / W) * 60;
    body += `<rect x="${r(x - 9 * s)}" y="${r(baseY - 190 * s)}" width="${r(18 * s)}" height="${r(190 * s)}" fill="#5d4630"/>`;
    body += `<ellipse cx="${r(x)}" cy="${r(baseY - 200 * s)}" rx="${r(95 * s)}" ry="${r(70 * s)}" fill="#6d9a4a"/>`;
    for (let j = 0; j < 22; j++) {
      const fx = x - 90 * s + j * 8.5 * s;
      body += `<path d="M${r(fx)} ${r(baseY - 210 * s)} q${r(6 * s)} ${r(60 * s)} ${r(-4 * s)} ${r(120 * s)}" stroke="#7fb055" stroke-width="${r(4 * s)}" fill="none"/>`;
    }
  }
  // A cyclist on the path.
  const cx = 860, cy = 712;
  body += `<circle cx="${cx - 34}" cy="${cy}" r="24" fill="none" stroke="#2d3640" stroke-width="6"/><circle cx="${cx + 34}" cy="${cy}" r="24" fill="none" stroke="#2d3640" stroke-width="6"/>`;
  body += `<path d="M${cx - 34} ${cy} L${cx - 6} ${cy - 36} L${cx + 34} ${cy} M${cx - 6} ${cy - 36} L${cx + 22} ${cy - 40}" stroke="#2d3640" stroke-width="6" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M${cx - 4} ${cy - 44} L${cx + 6} ${cy - 96}" stroke="#c0392b" stroke-width="18" stroke-linecap="round"/><circle cx="${cx + 10}" cy="${cy - 116}" r="14" fill="#2d3640"/>`;
  return svg(body, "#8fb3d9");
}

// ---------------------------------------------------------------------------------------

interface Output {
  file: string;
  draw: () => string;
  format: "png" | "jpeg";
}

const OUTPUTS: Output[] = [
  { file: "metro-may-day-ridership.png", draw: metroRidership, format: "png" },
  { file: "metro-new-line-map.png", draw: metroMap, format: "png" },
  { file: "riverside-bus-route-map.png", draw: busRoute, format: "png" },
  { file: "heat-wave-july-2023.png", draw: heatWave, format: "png" },
  { file: "chrysanthemum-show.jpg", draw: chrysanthemums, format: "jpeg" },
  { file: "lantern-show.jpg", draw: lanterns, format: "jpeg" },
  { file: "yellow-river-park.jpg", draw: yellowRiverPark, format: "jpeg" },
];

await mkdir(OUT_DIR, { recursive: true });
for (const output of OUTPUTS) {
  const image = sharp(Buffer.from(output.draw()), { density: 72 });
  const buffer =
    output.format === "png"
      ? await image.png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 }).toBuffer()
      : await image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  const file = path.join(OUT_DIR, output.file);
  await writeFile(file, buffer);
  const { size } = await stat(file);
  console.log(`${file}  ${Math.round(size / 1024)} KB`);
}
