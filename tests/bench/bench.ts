// npm run bench -- [--articles 10000] [--dev] [--keep]
// Builds a deterministic synthetic archive in /dev/shm and prints, from one run: the full
// production build, a baseline without QR codes and search indexing, their ratio, peak
// memory, pages, search index sizes, the bytes a first query fetches, and the QR share.
// With --dev it measures the edit loop of `npm start` instead. Results also go to
// bench-results/bench-<articles>.json.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import site from "../../src/config/site.ts";
import { parseArticle } from "../../src/model/article.ts";
import { BENCH_COLUMNS, prepareBenchProject } from "./bench-project.ts";
import { runMeasured, type RunStats } from "./process-stats.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { firstQueryBytes, type FirstQuery } from "./first-query.ts";
import { SEARCH_DIRS } from "../../src/features/search/bundles.ts";
import { pagePaths, sitePaths } from "../helpers/site-snapshot.ts";
import { serveFolder } from "../helpers/static-server.ts";
import { syntheticArticle, syntheticColumns } from "./synthetic-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    dev: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
const root = `/dev/shm/qiao-bench-${articles}`;
const out = (name: string) => `/dev/shm/qiao-bench-${articles}-${name}`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

log(`Generating ${articles} articles in ${BENCH_COLUMNS} columns into ${root} ...`);
prepareBenchProject(root, articles, site, (done) => log(`  ${done} / ${articles}`));

const baseEnv = { ...process.env, QIAO_ENV: "production", SITE_URL: "https://bench.example.org", QIAO_NOW: "2026-06-01T00:00:00+08:00" };

async function build(name: string, env: Record<string, string>): Promise<RunStats> {
  log(`Building: ${name} ...`);
  const stats = await runMeasured(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out(name)], {
    cwd: root,
    env: { ...baseEnv, ...env },
    onLine: (line) => log(`  ${line}`),
  });
  log(`  ${stats.seconds.toFixed(1)} s, peak ${mb(stats.peakRssBytes)}`);
  return stats;
}

/** Saves an edit to one article and times how long until the preview serves it. */
async function devLoop(samples = 5): Promise<number[]> {
  const port = 8700 + Math.floor(Math.random() * 200);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)], {
    cwd: root,
    // The edit loop of pages: the preview's search index is written once, in the background,
    // and would only add noise to these timings.
    env: { ...baseEnv, QIAO_SEARCH: "off" },
    // stderr must not be a pipe nobody reads: a full pipe would stall the server.
    stdio: ["ignore", "pipe", "ignore"],
  });
  log("Starting the preview server (a full first render) ...");
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Server at") && resolve());
    server.on("close", (code) => reject(new Error(`preview server exited with ${code}`)));
  });
  const columns = Object.keys(syntheticColumns(BENCH_COLUMNS));
  const timings: number[] = [];
  try {
    for (let sample = 0; sample < samples; sample++) {
      const index = Math.floor(((sample + 1) * articles) / (samples + 1));
      const { fileName, text } = syntheticArticle(index, columns);
      const file = path.join(root, "articles", fileName);
      const { article } = parseArticle(text, fileName, { columns: syntheticColumns(BENCH_COLUMNS), defaults: { source: "x" } });
      const marker = `Edited ${sample} ${Date.now()}`;
      const started = performance.now();
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n\n/, `\n\n${marker}.\n\n`));
      for (;;) {
        const page = await fetch(`http://127.0.0.1:${port}${encodeURI(article!.url)}`).then((r) => r.text(), () => "");
        if (page.includes(marker)) break;
        if (performance.now() - started > 60_000) throw new Error("the edit never showed up");
        await new Promise((r) => setTimeout(r, 20));
      }
      const ms = performance.now() - started;
      timings.push(ms);
      log(`  edit ${sample + 1}: ${ms.toFixed(0)} ms`);
    }
  } finally {
    server.kill();
  }
  return timings;
}

function folderBytes(dir: string): number {
  return sitePaths(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
}

/** The bytes Chromium fetches for a first English and a first Chinese query on the built
 *  site, and for a traditional one (which also loads the converter). */
async function firstQueries(siteDir: string): Promise<Record<"en" | "zh" | "zhTraditional", FirstQuery>> {
  const server = await serveFolder(siteDir);
  const browser = await launchChromium();
  try {
    return {
      en: await firstQueryBytes(browser, server.url, "hospital"),
      zh: await firstQueryBytes(browser, server.url, "郑州"),
      zhTraditional: await firstQueryBytes(browser, server.url, "鄭州"),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const byKind = (query: FirstQuery) =>
  Object.entries(query.byKind)
    .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
    .join(", ");
const results: Record<string, unknown> = { articles, date: new Date().toISOString() };
if (values.dev) {
  const timings = await devLoop();
  const sorted = [...timings].sort((a, b) => a - b);
  results.devEditMs = { samples: timings.map(Math.round), median: Math.round(sorted[Math.floor(sorted.length / 2)]!) };
  log(`\nEdit loop at ${articles} articles: median ${results.devEditMs && (results.devEditMs as { median: number }).median} ms (target ≤ 1000 ms)`);
} else {
  const qrCache = path.join(root, ".cache/qr");
  const baseline = await build("baseline", { QIAO_QR: "off", QIAO_SEARCH: "off" });
  rmSync(qrCache, { recursive: true, force: true });
  const qrOnly = await build("qr-only", { QIAO_SEARCH: "off" });
  rmSync(qrCache, { recursive: true, force: true });
  const full = await build("full", {});
  const warm = await build("full-again", {});
  const pages = pagePaths(out("full")).length;
  const indexBytes = { en: folderBytes(path.join(out("full"), SEARCH_DIRS.en)), zh: folderBytes(path.join(out("full"), SEARCH_DIRS.zh)) };
  log("Measuring a first English and a first Chinese query in Chromium ...");
  const firstQuery = await firstQueries(out("full"));
  Object.assign(results, {
    pages,
    baseline: { seconds: baseline.seconds, peakRssBytes: baseline.peakRssBytes },
    full: { seconds: full.seconds, peakRssBytes: full.peakRssBytes },
    fullWithCachedQr: { seconds: warm.seconds, peakRssBytes: warm.peakRssBytes },
    ratio: full.seconds / baseline.seconds,
    ratioCachedQr: warm.seconds / baseline.seconds,
    qrShare: (qrOnly.seconds - baseline.seconds) / full.seconds,
    indexBytes,
    firstQuery,
  });
  const peak = Math.max(full.peakRssBytes, warm.peakRssBytes);
  log(`
${articles} articles, ${pages} pages
  baseline (no QR, no search)   ${baseline.seconds.toFixed(1)} s
  full build, cold QR cache     ${full.seconds.toFixed(1)} s   ${(full.seconds / baseline.seconds).toFixed(2)}× baseline (target ≤ 1.8×)
  full build, cached QR         ${warm.seconds.toFixed(1)} s   ${(warm.seconds / baseline.seconds).toFixed(2)}× baseline
  QR share of the cold build    ${(((qrOnly.seconds - baseline.seconds) / full.seconds) * 100).toFixed(0)}%
  peak memory (process tree)    ${mb(peak)} (target ≤ 2048 MB)
  search index                  en ${kb(indexBytes.en)}, zh ${kb(indexBytes.zh)}
  first query fetches           en ${kb(firstQuery.en.bytes)} (target ≤ 300 KB), zh ${kb(firstQuery.zh.bytes)} (target ≤ 400 KB), traditional zh ${kb(firstQuery.zhTraditional.bytes)}
    by kind of file             en ${byKind(firstQuery.en)}
                                zh ${byKind(firstQuery.zh)}
                                traditional zh ${byKind(firstQuery.zhTraditional)}`);
}

mkdirSync("bench-results", { recursive: true });
const resultFile = `bench-results/bench-${articles}${values.dev ? "-dev" : ""}.json`;
writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
log(`Results written to ${resultFile}`);
if (!values.keep) {
  for (const dir of [root, out("baseline"), out("qr-only"), out("full"), out("full-again")]) rmSync(dir, { recursive: true, force: true });
}
