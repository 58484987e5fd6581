// The preview behind `npm start`: drafts and scheduled articles included, rendered into
// .cache/preview/ and served with live reload; the search index is written in the
// background; every save re-renders only what it changed. Saving an article re-renders its
// page, the column pages that list it and the home page; a template or stylesheet change
// re-renders everything; a change to code restarts the server.

import EleventyDevServer from "@11ty/eleventy-dev-server";
import { spawn } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import type { BuildOptions } from "../config/build-options.ts";
import site from "../config/site.ts";
import { indexArticles } from "../features/search/indexer.ts";
import { warningSummary } from "../model/problems.ts";
import { loadPublication } from "../site/publication.ts";
import { buildInto } from "./build.ts";
import { errorChain, errorLines } from "./errors.ts";


const RENDER_ALL = ["_includes", "assets"];
const RESTART = ["src", ".eleventy.ts", "package.json"];

function under(file: string, roots: string[]): boolean {
  return roots.some((root) => file === root || file.startsWith(`${root}${path.sep}`));
}

export async function startPreview(options: BuildOptions, port: number): Promise<void> {
  // Renders never wait for search: the index is written in the background after the server
  // is up.
  const renderOptions = { ...options, search: false };
  const OUT = path.join(options.cacheDir, "preview");

  async function render(changedArticle?: string): Promise<string[]> {
    const started = performance.now();
    try {
      const { written, warnings } = await buildInto(OUT, { ...renderOptions, changedArticles: changedArticle ? [changedArticle] : undefined });
      for (const line of warningSummary(warnings)) console.warn(line);
      const ms = Math.round(performance.now() - started);
      console.log(`[qiao] ${changedArticle ? `${changedArticle}: ` : ""}rendered ${written.length} pages in ${ms} ms`);
      return written;
    } catch (error) {
      // Keep serving the last good preview; the editor sees the problem here and fixes it.
      for (const line of errorLines(error)) console.error(line);
      return [];
    }
  }

  async function indexSearch() {
    const started = performance.now();
    try {
      const publication = await loadPublication(site, renderOptions);
      await indexArticles(publication.articles, OUT);
      console.log(`[qiao] search index ready in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      console.error(`[qiao] search index not written: ${errorChain(error).map((e) => e.message).join(": ")}`);
    }
  }

  await render();
  const server = EleventyDevServer.getServer("qiao", OUT, { pathPrefix: options.pathPrefix });
  server.serve(port);
  // Let the server start listening first: preparing a large archive's records takes the main
  // thread for a few seconds.
  let running = options.search ? new Promise<void>((resolve) => setTimeout(() => indexSearch().then(resolve), 500)) : Promise.resolve();

  async function handle(changed: string[]) {
    if (changed.some((f) => under(f, RESTART))) {
      console.log("[qiao] code changed: restarting");
      await server.close();
      spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
      process.exit(0);
    }
    const articles = changed.filter((f) => under(f, [options.articlesDir]) && f.endsWith(".md"));
    const single = articles.length === 1 && changed.every((f) => under(f, [options.articlesDir]));
    const written = single ? await render(articles[0]) : await render();
    if (written.length) server.reloadFiles(written);
    // A full render replaced the pages; the index follows in the background.
    if (!single && options.search) void indexSearch();
  }

  // Saves arrive in bursts (editors write a temp file, then rename): gather them briefly,
  // and never run two renders at once.
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watch(".", { recursive: true }, (_event, name) => {
    if (!name) return;
    const file = path.normalize(name.toString());
    if (!under(file, [options.articlesDir, ...RENDER_ALL, ...RESTART])) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      running = running.then(() => handle(changed));
    }, 30);
  });
}
