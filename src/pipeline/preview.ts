// The preview behind `npm start`: drafts and scheduled articles included, rendered into
// .cache/preview/ and served with live reload. Saving an article re-renders its page, the
// column pages that list it and the home page; any other change under articles/ (a deleted
// or renamed file, a new folder, the folder defaults), a template or a stylesheet
// re-renders everything; a change to code restarts the server. Renders run one at a time,
// saves that arrive meanwhile are taken together by the next one, and no error stops them:
// a render that fails keeps the last good pages served and shows its errors over the page
// in the browser. The search index follows in the background (preview-search.ts) and never
// holds a render up.

import EleventyDevServer from "@11ty/eleventy-dev-server";
import { existsSync, readFileSync, statSync, watch } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { glob } from "tinyglobby";
import type { BuildOptions } from "../config/build-options.ts";
import { SEARCH_DIRS } from "../features/search/bundles.ts";
import { DEFAULTS_FILE } from "../model/load-articles.ts";
import { warningSummary } from "../model/problems.ts";
import { buildInto } from "./build.ts";
import { errorLines } from "./errors.ts";
import { previewSearch } from "./preview-search.ts";
import { PortTaken, portTakenMessage } from "./port.ts";
import { forgetTemplates } from "./render.ts";
import { RESTART_EXIT_CODE } from "./supervise.ts";
import { watchFolder } from "./watch-folder.ts";

const RENDER_ALL = ["_includes", "assets"];
const RESTART_DIRS = ["src"];
const RESTART_FILES = [".eleventy.ts", "package.json"];
/** Saves arrive in bursts (editors write a temp file, then rename it): gathered this long. */
const BURST_MS = 30;
/** The search index waits for saves to pause this long, so that typing does not start and
 *  stop runs back to back. */
const SEARCH_QUIET_MS = 1000;
/** Where the preview's own files are served: the error overlay and the editor notes' style
 *  (preview-client/), and the preview's state, which the overlay asks for when a page loads. */
const CLIENT_PATH = "/.qiao/";

function under(file: string, root: string): boolean {
  return file === root || file.startsWith(`${root}${path.sep}`);
}

/** An editor's swap, backup or temp file beside an article, not an article. */
function isEditorTemp(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith(".") || name.endsWith("~");
}

/** Removes every page a full render did not write: an article deleted or renamed, a column
 *  page its column no longer fills. The search indexes are not pages. */
async function removeStalePages(dir: string, written: readonly string[]): Promise<void> {
  const kept = new Set(written.map((file) => path.resolve(file)));
  const pages = await glob("**/*.html", { cwd: dir, ignore: Object.values(SEARCH_DIRS).map((d) => `${d}*/**`) });
  for (const page of pages.map((p) => path.resolve(dir, p)).filter((p) => !kept.has(p))) {
    await rm(page, { force: true });
    await rmdir(path.dirname(page)).catch(() => {}); // only when nothing else is in it
  }
}

/** A handler the preview server runs before its own (the CMS's local backend, mounted by
 *  scripts/serve.ts): it answers a request or passes it on with `next`. */
export type PreviewMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The folder the preview renders into and serves. */
export const previewDir = (options: Pick<BuildOptions, "cacheDir">) => path.join(options.cacheDir, "preview");

export async function startPreview(options: BuildOptions, port: number, middleware: PreviewMiddleware[] = []): Promise<void> {
  // Renders never write search indexes: preview-search.ts does, beside them.
  const renderOptions: BuildOptions = { ...options, search: false, preview: true };
  const OUT = previewDir(options);
  const articlesDir = path.normalize(options.articlesDir);
  /** What the last render's failure said, file:line first; empty once a render succeeds. */
  let errors: string[] = [];

  /** Renders everything, or only what `changedArticles` change; answers the files written. */
  async function render(changedArticles?: string[]): Promise<string[]> {
    const started = performance.now();
    const { written, warnings } = await buildInto(OUT, { ...renderOptions, changedArticles });
    if (!changedArticles) await removeStalePages(OUT, written);
    for (const line of warningSummary(warnings)) console.warn(line);
    const ms = Math.round(performance.now() - started);
    console.log(`[qiao] ${changedArticles ? `${changedArticles.join(", ")}: ` : ""}rendered ${written.length} pages in ${ms} ms`);
    return written;
  }

  function failed(error: unknown): void {
    errors = errorLines(error, true);
    for (const line of errors) console.error(line);
  }

  await render().catch(failed);
  const client = (file: string, type: string) => {
    const body = readFileSync(new URL(`./preview-client/${file}`, import.meta.url), "utf8");
    return () => ({ headers: { "Content-Type": type }, body });
  };
  const server = EleventyDevServer.getServer("qiao", OUT, {
    pathPrefix: options.pathPrefix,
    middleware,
    onRequest: {
      [`${CLIENT_PATH}preview.js`]: client("preview.js", "text/javascript; charset=utf-8"),
      [`${CLIENT_PATH}preview.css`]: client("preview.css", "text/css; charset=utf-8"),
      [`${CLIENT_PATH}status.json`]: () => ({
        headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
        body: JSON.stringify({ errors }),
      }),
    },
  });
  server.serve(port);
  await server.ready();
  // Taken during the first render, the port would be quietly swapped for the next one.
  if (Number(new URL(server.getServerUrl("localhost")).port) !== port) {
    await server.close();
    throw new PortTaken(await portTakenMessage(port));
  }
  const search = previewSearch(options, OUT, SEARCH_QUIET_MS, (line) => console.log(line));
  if (options.search) search.request();
  // A signal would end the process without its exit handlers: the search run must go too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));

  /** Ends this process for the supervisor to start it again (supervise.ts). */
  async function restart(): Promise<never> {
    console.log("[qiao] code changed: restarting");
    await server.close();
    process.exit(RESTART_EXIT_CODE);
  }

  /** The folders below the articles' folder: a folder deleted with its articles is one
   *  event, for the folder alone. */
  const folders = new Set((await glob("**/", { cwd: articlesDir, onlyDirectories: true })).map((d) => path.join(articlesDir, d.replace(/\/$/, ""))));

  /** Whether a change below the articles' folder changes the site: an article, the folder
   *  defaults or a folder; not an editor's temp file (sed -i, vim's 4913). */
  function changesSite(file: string): boolean {
    if (file.endsWith(".md") || path.basename(file) === DEFAULTS_FILE) return true;
    const folder = existsSync(file) && statSync(file).isDirectory();
    if (folder) folders.add(file);
    return folder || folders.has(file);
  }

  async function handle(all: string[]): Promise<void> {
    if (all.some((f) => RESTART_FILES.includes(f) || RESTART_DIRS.some((dir) => under(f, dir)))) await restart();
    const changed = all.filter((f) => !under(f, articlesDir) || changesSite(f));
    if (!changed.length) return;
    // Only edited and new articles can take the short way; a file that is gone leaves a
    // page and places in lists that only a full render finds.
    const articles = changed.filter((f) => under(f, articlesDir) && f.endsWith(".md"));
    const onlyArticles = articles.length === changed.length && articles.every((f) => existsSync(f) && statSync(f).isFile());
    search.stop();
    forgetTemplates(changed.filter((f) => !under(f, articlesDir)));
    let written: string[];
    try {
      written = await render(onlyArticles ? articles : undefined);
    } catch (error) {
      // The last good pages stay; the browser shows what is wrong over them.
      failed(error);
      server.sendError({ error: new Error(errors.join("\n")) });
      return;
    }
    errors = [];
    // A full render changed every page: reload them whole rather than read thousands back.
    server.reloadFiles(written, Boolean(onlyArticles));
    if (options.search) search.request();
  }

  const pending = new Set<string>();
  let rendering = false;
  async function renderPending(): Promise<void> {
    if (rendering) return;
    rendering = true;
    try {
      while (pending.size) {
        const changed = [...pending];
        pending.clear();
        await handle(changed).catch((error: unknown) => console.error(`[qiao] ${errorLines(error).join("\n")}`));
      }
    } finally {
      rendering = false;
    }
  }

  let burst: NodeJS.Timeout | undefined;
  const changedFile = (file: string) => {
    pending.add(file);
    clearTimeout(burst);
    burst = setTimeout(() => void renderPending(), BURST_MS);
  };
  watchFolder(articlesDir, (file) => {
    if (!isEditorTemp(file)) changedFile(file);
  });
  for (const dir of [...RENDER_ALL, ...RESTART_DIRS]) watchFolder(dir, changedFile);
  watch(".", (_event, name) => name && RESTART_FILES.includes(name.toString()) && changedFile(name.toString()));
}
