// npm run audit [-- --site DIR]: Lighthouse (mobile, its default simulated
// throttling) on the built sample site, served as a static host serves it: the front page,
// an article with pairs, a column page and search results for an English and a Chinese
// query. Prints the scores and exits 1 if any is below its target (README, Quality gates).
// Without --site it builds the sample site first, as the tests do.
//
// Lighthouse drives Chromium at CHROME_PATH (default: the browser tests' Chromium). Each page
// gets a fresh browser, so every run starts with an empty cache, as a first visit does.
// A page's performance score moves with whatever else the machine is doing, so each page is
// measured RUNS times and judged by the median run, as Lighthouse's guide to variability
// advises (computeMedianRun is Lighthouse's own choice of that run).

import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { buildTestSite } from "../helpers/build.ts";
import { CHROMIUM_PATH } from "../helpers/chromium.ts";
import { serveFolder } from "../helpers/static-server.ts";

export const AUDITED_PAGES = {
  home: "/",
  article: "/international/20230608/budapest-cargo-flights/",
  column: "/news/",
  "search (English)": "/search/?q=hospital",
  "search (Chinese)": `/search/?q=${encodeURIComponent("郑州")}`,
};

export const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 } as const;
type Category = keyof typeof TARGETS;

interface PageResult {
  name: string;
  scores: Record<Category, number>;
  /** LCP, TBT and CLS, as Lighthouse shows them. */
  metrics: string;
  /** Audits that cost points in a category below its target. */
  failing: string[];
}

const RUNS = 3;

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

interface Lhr {
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
  runtimeError?: { message: string };
}

function runLighthouse(url: string): Promise<Lhr> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${Object.keys(TARGETS).join(",")}`,
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
  ];
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM_PATH };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code} for ${url}\n${Buffer.concat(err).toString()}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString()) as Lhr);
      } catch (error) {
        reject(new Error(`lighthouse printed no report for ${url}: ${String(error)}\n${Buffer.concat(err).toString()}`));
      }
    });
  });
}

function summarize(name: string, lhr: Lhr): PageResult {
  if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    (Object.keys(TARGETS) as Category[]).map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failing = (Object.keys(TARGETS) as Category[])
    .filter((c) => scores[c] < TARGETS[c])
    .flatMap((c) =>
      lhr.categories[c].auditRefs
        .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
        .filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < 1)
        .map(({ audit }) => `${c}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`),
    );
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
  return {
    name,
    scores,
    metrics: `LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`,
    failing,
  };
}

function table(results: PageResult[]): string {
  const header = ["page", "performance", "accessibility", "best practices", "SEO", "LCP, TBT, CLS"];
  const rows = results.map((r) => [r.name, ...Object.values(r.scores).map(String), r.metrics]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i > 0 && i < 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  return [line(header), `| ${widths.map((w, i) => (i > 0 && i < 5 ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`, ...rows.map(line)].join("\n");
}

export async function audit(siteDir: string): Promise<PageResult[]> {
  const server = await serveFolder(siteDir);
  try {
    const results: PageResult[] = [];
    for (const [name, sitePath] of Object.entries(AUDITED_PAGES)) {
      const runs: Lhr[] = [];
      for (let run = 1; run <= RUNS; run++) {
        process.stderr.write(`lighthouse ${sitePath} (run ${run} of ${RUNS})\n`);
        runs.push(await runLighthouse(server.url + sitePath));
      }
      results.push(summarize(name, computeMedianRun(runs as never) as unknown as Lhr));
    }
    return results;
  } finally {
    await server.close();
  }
}

const { values } = parseArgs({ options: { site: { type: "string" } } });
const siteDir = values.site ?? (await buildTestSite());
let results: PageResult[];
try {
  results = await audit(siteDir);
} finally {
  // A site this script built goes with it (buildTestSite makes a folder of its own).
  if (!values.site) await rm(path.dirname(siteDir), { recursive: true, force: true });
}
console.log(table(results));
const below = results.filter((r) => (Object.keys(TARGETS) as Category[]).some((c) => r.scores[c] < TARGETS[c]));
for (const r of below) console.log(`\n${r.name} is below target:\n${r.failing.map((f) => `  - ${f}`).join("\n")}`);
console.log(
  below.length
    ? `\n${below.length} of ${results.length} pages below target (${Object.entries(TARGETS).map(([c, t]) => `${c} ${t}`).join(", ")}).`
    : `\nEvery page meets its targets.`,
);
process.exit(below.length ? 1 : 0);
