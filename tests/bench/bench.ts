// npm run bench -- [--articles 10000] [--scale 30000] [--dev] [--one-story] [--import] [--keep]
// Builds a deterministic synthetic archive in /dev/shm and prints, from one run: a minimal
// Eleventy build of the same articles (the yardstick), the templates alone (no QR codes, no
// search), the full production build with an empty cache, a rebuild where no article
// changed (the cache kept, as CI keeps it), the three one-story builds that follow it (one
// new, one edited, one deleted article, each after the one before, the cache kept), their
// ratios to the yardstick, the peak memory of each whole process tree, the search index
// sizes and the bytes a first query fetches (on the full build, and on the site with a recent
// tier the one-story builds leave). --one-story builds only the yardstick, the full
// build and the one-story builds. --scale N also builds N articles, in full and one story at
// a time, and prints how time and memory grow. With --dev it measures the edit loop of
// `npm start` instead, search on: saves right after start, while the search index is
// written, saves after idle, and saves after idle made as the CMS at /admin/ makes them
// (through its local backend). With --import it times `npm run import` of an archive of
// some 3,000 channel dumps instead. Results also go to bench-results/.

import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import site from "../../src/config/site.ts";
import { SEARCH_DIRS } from "../../src/features/search/bundles.ts";
import { parseArticle } from "../../src/model/article.ts";
import { writeDumpArchive } from "../helpers/channel-fixtures.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { pagePaths, sitePaths } from "../helpers/site-snapshot.ts";
import { serveFolder } from "../helpers/static-server.ts";
import { BENCH_COLUMNS, prepareBenchProject } from "./bench-project.ts";
import { firstQueryBytes, type FirstQuery } from "./first-query.ts";
import { minimalEleventy } from "./minimal-eleventy.ts";
import { oneStoryChanges, STORY_LABELS, type StoryKey } from "./one-story.ts";
import { runMeasured, type RunStats } from "./process-stats.ts";
import { syntheticArticle, syntheticColumns } from "./synthetic-corpus.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    scale: { type: "string" },
    dev: { type: "boolean", default: false },
    "one-story": { type: "boolean", default: false },
    import: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
const rootOf = (count: number) => `/dev/shm/qiao-bench-${count}`;
const root = rootOf(articles);
const out = (name: string) => `/dev/shm/qiao-bench-${articles}-${name}`;
const log = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function prepare(count: number): void {
  log(`Generating ${count} articles in ${BENCH_COLUMNS} columns into ${rootOf(count)} ...`);
  prepareBenchProject(rootOf(count), count, site, (done) => log(`  ${done} / ${count}`));
}
if (!values.import) prepare(articles);

const NOW = "2026-06-01T00:00:00+08:00";
const baseEnv = { ...process.env, QIAO_ENV: "production", SITE_URL: "https://bench.example.org", QIAO_NOW: NOW };

async function measure(name: string, args: string[], env: Record<string, string>, cwd = root): Promise<RunStats> {
  log(`${name} ...`);
  const stats = await runMeasured(process.execPath, args, { cwd, env: { ...baseEnv, ...env }, onLine: (line) => log(`  ${line}`) });
  log(`  ${stats.seconds.toFixed(1)} s, CPU ${stats.cpuSeconds.toFixed(1)} s, peak ${mb(stats.peakRssBytes)}`);
  return stats;
}

/** `npm run build` of the project at `cwd`, with its own cache folder. */
function build(name: string, outDir: string, cacheDir: string, env: Record<string, string> = {}, cwd = root): Promise<RunStats> {
  return measure(`Building: ${name}`, ["--import", "tsx", "scripts/build.ts", "--out", outDir], { QIAO_CACHE_DIR: cacheDir, ...env }, cwd);
}

/** The one-story builds after a full build of the archive at `cwd` into `cacheDir`: each
 *  change made, then built with the cache kept. */
async function oneStoryBuilds(count: number, outDir: string, cacheDir: string, cwd = root): Promise<Record<StoryKey, RunStats>> {
  const stats: Partial<Record<StoryKey, RunStats>> = {};
  for (const change of oneStoryChanges(count, Object.keys(syntheticColumns(BENCH_COLUMNS)), new Date(NOW))) {
    change.apply(path.join(cwd, "articles"));
    stats[change.key] = await build(`${STORY_LABELS[change.key]}${cwd === root ? "" : `, ${count} articles`}`, outDir, cacheDir, {}, cwd);
  }
  return stats as Record<StoryKey, RunStats>;
}

/** Eleventy alone on the same articles, with a one-line layout. */
function minimal(count: number, outDir: string): Promise<RunStats> {
  const args = minimalEleventy(`${rootOf(count)}-minimal-project`, path.join(rootOf(count), "articles"), outDir);
  return measure(`Building: minimal Eleventy, ${count} articles`, args, {}, rootOf(count));
}

/** How long saves take to show, at the two moments an editor meets: right after the server
 *  answers, while its search indexing runs, and after it has been idle; and a save from the
 *  CMS after idle. */
interface DevLoop {
  duringIndexing: number[];
  afterIdle: number[];
  cmsAfterIdle: number[];
}

/** Starts `npm start` with search on, as an editor runs it, saves edits to articles and times
 *  how long until the served page holds each one. */
async function devLoop(samples = 5): Promise<DevLoop> {
  const port = 8700 + Math.floor(Math.random() * 200);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)], {
    cwd: root,
    // As `npm start` runs: the development environment, not the build's production one.
    env: { ...baseEnv, QIAO_ENV: "development" },
    // stderr must not be a pipe nobody reads: a full pipe would stall the server.
    stdio: ["ignore", "pipe", "ignore"],
  });
  const lines: string[] = [];
  let seen = 0;
  let buffered = "";
  server.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split("\n");
    buffered = complete.pop()!;
    lines.push(...complete);
  });
  const exited = new Promise<never>((_, reject) => server.on("close", (code) => reject(new Error(`preview server exited with ${code}`))));
  /** Waits for the server to print a line matching `pattern` after the lines already read. */
  async function printed(pattern: RegExp, timeoutMs: number): Promise<void> {
    const started = performance.now();
    for (;;) {
      const index = lines.findIndex((line, i) => i >= seen && pattern.test(line));
      if (index >= 0) {
        seen = index + 1;
        return;
      }
      if (performance.now() - started > timeoutMs) throw new Error(`the preview never printed ${pattern}`);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20))]);
    }
  }
  const columns = Object.keys(syntheticColumns(BENCH_COLUMNS));
  let edits = 0;
  /** Saves an edit as a text editor does (writes the file) or as the CMS does (its local
   *  backend, which checks the article before it writes), and times how long until the
   *  served page holds it. */
  async function timedSave(how: "editor" | "cms"): Promise<number> {
    // Spread over the archive: each of the three rounds' saves edits another article.
    const index = Math.floor(((edits + 1) * articles) / (3 * samples + 1));
    const { fileName, text } = syntheticArticle(index, columns);
    const file = path.join(root, "articles", fileName);
    const { article } = parseArticle(text, fileName, { columns: syntheticColumns(BENCH_COLUMNS), defaults: { source: "x" } });
    const marker = `Edited ${edits++} ${Date.now()}`;
    const edited = readFileSync(file, "utf8").replace(/\n\n/, `\n\n${marker}.\n\n`);
    const started = performance.now();
    if (how === "editor") writeFileSync(file, edited);
    else await cmsSave(fileName, edited);
    for (;;) {
      const page = await fetch(`http://127.0.0.1:${port}${encodeURI(article!.url)}`).then((r) => r.text(), () => "");
      if (page.includes(marker)) break;
      if (performance.now() - started > 60_000) throw new Error("the edit never showed up");
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - started;
  }
  /** What the CMS sends for a save in simple publishing. */
  async function cmsSave(fileName: string, raw: string): Promise<void> {
    const entry = { path: `articles/${fileName}`, slug: fileName.replace(/\.md$/, ""), raw };
    const res = await fetch(`http://localhost:${port}/admin/api/v1`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
      body: JSON.stringify({ action: "persistEntry", params: { branch: "main", dataFiles: [entry], assets: [], options: { commitMessage: "Edit", useWorkflow: false, status: "draft" } } }),
    });
    if (!res.ok) throw new Error(`the CMS's backend answered ${res.status}: ${await res.text()}`);
  }
  const timings: DevLoop = { duringIndexing: [], afterIdle: [], cmsAfterIdle: [] };
  try {
    log("Starting the preview server (a full first render) ...");
    await printed(/Server at/, 600_000);
    log("Saving while the search index is written (each save stops the run it makes stale; the next starts once saves pause) ...");
    for (let sample = 0; sample < samples; sample++) {
      await printed(/search indexing started/, 60_000);
      const ms = await timedSave("editor");
      timings.duringIndexing.push(ms);
      log(`  save ${sample + 1}: ${ms.toFixed(0)} ms`);
    }
    for (const [how, list] of [["editor", timings.afterIdle], ["cms", timings.cmsAfterIdle]] as const) {
      log(`Saving after idle${how === "cms" ? " from the CMS" : ""} (each save waits for the search index of the one before) ...`);
      for (let sample = 0; sample < samples; sample++) {
        const started = performance.now();
        await printed(/search index ready/, 600_000);
        if (sample === 0) log(`  search index ready ${((performance.now() - started) / 1000).toFixed(1)} s after the last save`);
        await new Promise((r) => setTimeout(r, 5_000));
        const ms = await timedSave(how);
        list.push(ms);
        log(`  save ${sample + 1}: ${ms.toFixed(0)} ms`);
      }
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
/** `npm run import` of the archive the import tests use, into a fresh folder. */
async function importArchive(): Promise<{ dumps: number; stats: RunStats }> {
  const dir = "/dev/shm/qiao-bench-import";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "dumps"), { recursive: true });
  mkdirSync(path.join(dir, "articles"));
  writeFileSync(path.join(dir, "articles", "articles.json"), readFileSync("articles/articles.json"));
  await writeDumpArchive(path.join(dir, "dumps"));
  const dumps = readdirSync(path.join(dir, "dumps")).length;
  log(`Importing ${dumps} dumps ...`);
  // Not `measure`: it would echo the line the import prints for every page.
  const args = ["--import", "tsx", "scripts/import.ts", "--out", path.join(dir, "articles"), path.join(dir, "dumps")];
  const stats = await runMeasured(process.execPath, args, { cwd: process.cwd(), env: baseEnv });
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  return { dumps, stats };
}

const results: Record<string, unknown> = { articles, date: new Date().toISOString() };
if (values.import) {
  const { dumps, stats } = await importArchive();
  results.import = { dumps, seconds: stats.seconds, cpuSeconds: stats.cpuSeconds, peakRssBytes: stats.peakRssBytes };
  log(`
npm run import of ${dumps} dumps: ${stats.seconds.toFixed(1)} s, CPU ${stats.cpuSeconds.toFixed(1)} s, peak ${mb(stats.peakRssBytes)} (target ≤ 90 s)`);
} else if (values.dev) {
  const timings = await devLoop();
  const median = (samples: number[]) => Math.round([...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!);
  const summary = (samples: number[]) => ({ samples: samples.map(Math.round), median: median(samples) });
  results.devSaveMs = { duringIndexing: summary(timings.duringIndexing), afterIdle: summary(timings.afterIdle), cmsAfterIdle: summary(timings.cmsAfterIdle) };
  log(`
Saves at ${articles} articles, search on, until the served page holds the change (target ≤ 1000 ms):
  right after start, while search indexing runs   median ${median(timings.duringIndexing)} ms  (${timings.duringIndexing.map(Math.round).join(", ")})
  after idle                                      median ${median(timings.afterIdle)} ms  (${timings.afterIdle.map(Math.round).join(", ")})
  after idle, from the CMS (its local backend)    median ${median(timings.cmsAfterIdle)} ms  (${timings.cmsAfterIdle.map(Math.round).join(", ")})`);
} else {
  const cache = (name: string) => `${root}/.cache-${name}`;
  for (const name of ["baseline", "full"]) rmSync(cache(name), { recursive: true, force: true });
  const everything = !values["one-story"];
  const yardstick = await minimal(articles, out("minimal"));
  const templates = everything ? await build("templates alone (no QR codes, no search)", out("baseline"), cache("baseline"), { QIAO_QR: "off", QIAO_SEARCH: "off" }) : undefined;
  const full = await build("full, empty cache", out("full"), cache("full"));
  const rebuild = everything ? await build("full again, no article changed, cache kept", out("full-again"), cache("full")) : undefined;
  const pages = pagePaths(out("full")).length;
  const indexBytes = { en: folderBytes(path.join(out("full"), SEARCH_DIRS.en)), zh: folderBytes(path.join(out("full"), SEARCH_DIRS.zh)) };
  let firstQuery: Record<"en" | "zh" | "zhTraditional", FirstQuery> | undefined;
  if (everything) {
    log("Measuring a first English and a first Chinese query in Chromium ...");
    firstQuery = await firstQueries(out("full"));
  }
  const oneStory = await oneStoryBuilds(articles, out("full-again"), cache("full"));
  // The site the one-story builds left has a recent tier beside the archive: a first query
  // searches both (src/features/search/tiers.ts).
  log("Measuring first queries on the site with a recent tier ...");
  const firstQueryTiered = await firstQueries(out("full-again"));
  const ratio = (stats: RunStats) => stats.seconds / yardstick.seconds;
  const cpuRatio = (stats: RunStats) => stats.cpuSeconds / yardstick.cpuSeconds;
  const row = (label: string, stats: RunStats | undefined, target: string) =>
    stats
      ? [`  ${label.padEnd(44)} ${stats.seconds.toFixed(1).padStart(6)} s ${ratio(stats).toFixed(2).padStart(6)}× ${target.padEnd(8)}` +
          ` ${stats.cpuSeconds.toFixed(1).padStart(6)} s ${cpuRatio(stats).toFixed(2).padStart(6)}× ${mb(stats.peakRssBytes).padStart(8)}`]
      : [];
  const summary = (stats: RunStats | undefined) =>
    stats && { seconds: stats.seconds, cpuSeconds: stats.cpuSeconds, peakRssBytes: stats.peakRssBytes, ratio: ratio(stats), cpuRatio: cpuRatio(stats) };
  Object.assign(results, {
    pages,
    minimal: summary(yardstick),
    templates: summary(templates),
    full: summary(full),
    rebuild: summary(rebuild),
    oneStory: Object.fromEntries(Object.entries(oneStory).map(([key, stats]) => [key, summary(stats)])),
    indexBytes,
    firstQuery,
    firstQueryTiered,
  });
  const table = [
    `${articles} articles, ${pages} pages         wall time  × minimal  target    CPU time  × minimal  peak memory (process tree)`,
    ...row("minimal Eleventy, same articles", yardstick, ""),
    ...row("templates alone (no QR codes, no search)", templates, "≤ 1.6×"),
    ...row("full production build, empty cache", full, "≤ 4×"),
    ...row("rebuild, no article changed, cache kept", rebuild, "≤ 1.5×"),
    ...(Object.keys(STORY_LABELS) as StoryKey[]).flatMap((key) => row(STORY_LABELS[key], oneStory[key], "≤ 2×")),
    "  peak memory target ≤ 4096 MB",
    `  search index                  en ${kb(indexBytes.en)}, zh ${kb(indexBytes.zh)}`,
    ...(firstQuery
      ? [
          `  first query fetches           en ${kb(firstQuery.en.bytes)}, zh ${kb(firstQuery.zh.bytes)}, traditional zh ${kb(firstQuery.zhTraditional.bytes)}`,
          `    by kind of file             en ${byKind(firstQuery.en)}`,
          `                                zh ${byKind(firstQuery.zh)}`,
          `                                traditional zh ${byKind(firstQuery.zhTraditional)}`,
        ]
      : []),
    `  ... with a recent tier         en ${kb(firstQueryTiered.en.bytes)}, zh ${kb(firstQueryTiered.zh.bytes)}, traditional zh ${kb(firstQueryTiered.zhTraditional.bytes)}`,
    `    by kind of file             en ${byKind(firstQueryTiered.en)}`,
    `                                zh ${byKind(firstQueryTiered.zh)}`,
  ];
  log(`\n${table.join("\n")}`);

  if (values.scale) {
    const larger = Number(values.scale);
    prepare(larger);
    const largerCache = `${rootOf(larger)}/.cache-full`;
    rmSync(largerCache, { recursive: true, force: true });
    const largerOut = `/dev/shm/qiao-bench-${larger}-full`;
    const largerFull = await build(`full, empty cache, ${larger} articles`, largerOut, largerCache, {}, rootOf(larger));
    const largerOneStory = await oneStoryBuilds(larger, largerOut, largerCache, rootOf(larger));
    const growth = largerFull.seconds / full.seconds;
    const cpuGrowth = largerFull.cpuSeconds / full.cpuSeconds;
    results.scale = {
      articles: larger,
      seconds: largerFull.seconds,
      cpuSeconds: largerFull.cpuSeconds,
      peakRssBytes: largerFull.peakRssBytes,
      growth,
      cpuGrowth,
      oneStory: Object.fromEntries(Object.entries(largerOneStory).map(([key, s]) => [key, { seconds: s.seconds, cpuSeconds: s.cpuSeconds, peakRssBytes: s.peakRssBytes }])),
    };
    const oneStoryLine = (key: StoryKey) =>
      `${oneStory[key].seconds.toFixed(1)} s -> ${largerOneStory[key].seconds.toFixed(1)} s, ${mb(oneStory[key].peakRssBytes)} -> ${mb(largerOneStory[key].peakRssBytes)}`;
    log(`
Growth from ${articles} to ${larger} articles (${(larger / articles).toFixed(1)}× the articles), full build, empty cache:
  time    ${full.seconds.toFixed(1)} s -> ${largerFull.seconds.toFixed(1)} s   ${growth.toFixed(2)}× (target ≤ 3.3×)
  CPU     ${full.cpuSeconds.toFixed(1)} s -> ${largerFull.cpuSeconds.toFixed(1)} s   ${cpuGrowth.toFixed(2)}×
  memory  ${mb(full.peakRssBytes)} -> ${mb(largerFull.peakRssBytes)} (target ≤ 12288 MB)
One-story builds, cache kept:
  new     ${oneStoryLine("added")}
  edited  ${oneStoryLine("edited")}
  deleted ${oneStoryLine("deleted")}
  peak memory of any build at ${larger}: ${mb(Math.max(largerFull.peakRssBytes, ...Object.values(largerOneStory).map((s) => s.peakRssBytes)))}`);
    if (!values.keep) for (const dir of [rootOf(larger), `${rootOf(larger)}-minimal-project`, largerOut]) rmSync(dir, { recursive: true, force: true });
  }
}
mkdirSync("bench-results", { recursive: true });
const resultFile = values.import ? "bench-results/bench-import.json" : `bench-results/bench-${articles}${values.dev ? "-dev" : ""}.json`;
writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
log(`Results written to ${resultFile}`);
if (!values.keep && !values.import) {
  for (const dir of [root, `${root}-minimal-project`, out("minimal"), out("baseline"), out("full"), out("full-again")]) rmSync(dir, { recursive: true, force: true });
}
