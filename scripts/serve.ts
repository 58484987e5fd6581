// npm start: build the preview (drafts and scheduled articles included) into .cache/preview/,
// serve it with live reload, write the search index in the background, and on every save
// re-render only what changed. Saving an article re-renders its page, the column pages that
// list it and the home page; a template or stylesheet change re-renders everything; a
// change to code restarts the server.

import EleventyDevServer from "@11ty/eleventy-dev-server";
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import site from "../_data/site.ts";
import { buildInto, errorChain, errorLines } from "../src/build.ts";
import { articlesDirFrom, buildOptionsFromEnv } from "../src/build-options.ts";
import { loadContent } from "../src/content.ts";
import { writeSearchIndexes } from "../src/search-index.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });
process.env.QIAO_ENV ??= "development";
// Renders never wait for search: the index is written in the background after the server
// is up (at 10,000 articles it takes longer than the pages).
const searchWanted = process.env.QIAO_SEARCH !== "off";
process.env.QIAO_SEARCH = "off";
const OUT = ".cache/preview";
const articlesDir = articlesDirFrom(process.env);
const RENDER_ALL = ["_includes", "pages", "assets"];
const RESTART = ["src", "_data", ".eleventy.ts", "package.json"];

async function render(focus?: string): Promise<string[]> {
  const started = performance.now();
  if (focus) process.env.QIAO_FOCUS = focus;
  try {
    const { written } = await buildInto(OUT);
    const ms = Math.round(performance.now() - started);
    console.log(`[qiao] ${focus ? `${focus}: ` : ""}rendered ${written.length} pages in ${ms} ms`);
    return written;
  } catch (error) {
    // Keep serving the last good preview; the editor sees the problem here and fixes it.
    for (const line of errorLines(error)) console.error(line);
    return [];
  } finally {
    delete process.env.QIAO_FOCUS;
  }
}

async function indexSearch() {
  const started = performance.now();
  try {
    const content = await loadContent(site, buildOptionsFromEnv(process.env, site.url));
    await writeSearchIndexes(content.articles, OUT);
    console.log(`[qiao] search index ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    console.error(`[qiao] search index not written: ${errorChain(error).map((e) => e.message).join(": ")}`);
  }
}

await render();
const server = EleventyDevServer.getServer("qiao", OUT, { pathPrefix: process.env.PATH_PREFIX || "/" });
server.serve(Number(values.port));
// Let the server start listening first: preparing a large archive's records takes the main
// thread for a few seconds.
let running = searchWanted ? new Promise<void>((resolve) => setTimeout(() => indexSearch().then(resolve), 500)) : Promise.resolve();

// Saves arrive in bursts (editors write a temp file, then rename): gather them briefly,
// and never run two renders at once.
let pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;

function under(file: string, roots: string[]): boolean {
  return roots.some((root) => file === root || file.startsWith(`${root}${path.sep}`));
}

async function handle(changed: string[]) {
  if (changed.some((f) => under(f, RESTART))) {
    console.log("[qiao] code changed: restarting");
    await server.close();
    spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
    process.exit(0);
  }
  const articles = changed.filter((f) => under(f, [articlesDir]) && f.endsWith(".md"));
  const single = articles.length === 1 && changed.every((f) => under(f, [articlesDir]));
  const written = single ? await render(articles[0]) : await render();
  if (written.length) server.reloadFiles(written);
  // A full render replaced the pages; the index follows in the background.
  if (!single && searchWanted) void indexSearch();
}

watch(".", { recursive: true }, (_event, name) => {
  if (!name) return;
  const file = path.normalize(name.toString());
  if (!under(file, [articlesDir, ...RENDER_ALL, ...RESTART])) return;
  pending.add(file);
  clearTimeout(timer);
  timer = setTimeout(() => {
    const changed = [...pending];
    pending = new Set();
    running = running.then(() => handle(changed));
  }, 30);
});
