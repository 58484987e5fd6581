// The CMS's backend under `npm start`: decap-server's own handlers (the working tree as it
// is, or local git branches), mounted on the preview server at /admin/api/v1 so there is no
// second server and no second port. Before a request reaches them, guards stand:
// request-guard.ts (this machine and the preview's own pages only); the files a request may
// write (articles and pictures, nothing else of the repository); in git mode, the branch
// checked out and a working tree with no other changes; and the check: a save that
// `npm run check` would refuse is answered with its messages and nothing is written or
// committed, whatever sent it.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Column } from "../../config/site.ts";
import { parseArticle } from "../../model/article.ts";
import { duplicatePermalink, loadArticles, readDefaults } from "../../model/load-articles.ts";
import { formatProblem, type Problem } from "../../model/problems.ts";
import { LOCAL_API_PATH, MEDIA } from "./config.ts";
import { refusal } from "./request-guard.ts";

import decapServer from "decap-server/dist/middlewares.js";

/** "fs": saves write the working tree; "git": each save is a commit, and the editorial
 *  workflow keeps each article on a branch of its own (`cms/articles/…`) until published. */
export type LocalMode = "fs" | "git";

export interface LocalBackendOptions {
  mode: LocalMode;
  /** The repository: the preview's working folder. */
  root: string;
  articlesDir: string;
  columns: Record<string, Column>;
  pathPrefix: string;
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}

interface SaveParams {
  entry?: DataFile;
  dataFiles?: DataFile[];
  assets?: { path: string }[];
}

/** The entry files a save sends (decap-server's `dataFiles`, else its one `entry`). */
const entryFiles = (params: SaveParams): DataFile[] => params.dataFiles ?? (params.entry ? [params.entry] : []);

/** The article files a save writes (a renamed one under both names), as the folder's
 *  listing names them. */
const savedFiles = (params: SaveParams) => entryFiles(params).flatMap((f) => [f.path, f.newPath ?? f.path]).map((f) => path.normalize(f));

/** What the CMS sends decap-server: an action and its parameters (decap-server's API). */
interface ApiRequest {
  action?: string;
  params?: SaveParams & { branch?: string; path?: string; paths?: string[]; asset?: { path: string } };
}

/** The actions that write the repository, and the files each one writes: articles (which
 *  the save check reads), pictures, or either, deleted. */
const WRITES: Record<string, (params: NonNullable<ApiRequest["params"]>) => { articles: string[]; media: string[]; deleted: string[] }> = {
  persistEntry: (p) => ({ articles: savedFiles(p), media: (p.assets ?? []).map((a) => a.path), deleted: [] }),
  persistMedia: (p) => ({ articles: [], media: p.asset ? [p.asset.path] : [], deleted: [] }),
  deleteFile: (p) => ({ articles: [], media: [], deleted: p.path ? [p.path] : [] }),
  deleteFiles: (p) => ({ articles: [], media: [], deleted: p.paths ?? [] }),
  updateUnpublishedEntryStatus: () => ({ articles: [], media: [], deleted: [] }),
  publishUnpublishedEntry: () => ({ articles: [], media: [], deleted: [] }),
  deleteUnpublishedEntry: () => ({ articles: [], media: [], deleted: [] }),
};

const isWrite = (action: string | undefined): action is string => action !== undefined && Object.hasOwn(WRITES, action);
const under = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const posix = (file: string) => file.split(path.sep).join("/");

/** Every error `npm run check` would report for the articles a save writes, with the other
 *  articles as they are on disk: the file's own problems, and a permalink another file has.
 *  `recent`: the files earlier saves wrote, which the preview's watcher may not have seen yet. */
async function saveProblems(params: SaveParams, options: Omit<LocalBackendOptions, "mode" | "pathPrefix">, recent: ReadonlySet<string>): Promise<Problem[]> {
  const articlesDir = posix(path.normalize(options.articlesDir));
  const files = entryFiles(params).filter((f) => isArticle(f.newPath ?? f.path, articlesDir));
  if (!files.length) return [];
  const uploads = new Set((params.assets ?? []).map((a) => `/${posix(path.normalize(a.path))}`));
  const defaults = await readDefaults(path.join(options.root, articlesDir));
  // The folder named as the preview names it (src/site/publication.ts), and nothing changed
  // but what earlier saves wrote: the two share the folder's listing and parses, which the
  // preview's watcher keeps current, so a save's check reads no other file of the archive (at
  // 10,000 articles, listing and stat-ing them all cost a CMS save about half a second).
  const others = await loadArticles(options.articlesDir, options.columns, options.root, [...recent]);
  return files.flatMap((file) => {
    const name = posix(path.normalize(file.newPath ?? file.path));
    const { article, problems } = parseArticle(file.raw, name, {
      columns: options.columns,
      defaults,
      imageExists: (sitePath) => uploads.has(sitePath) || existsSync(path.join(options.root, sitePath)),
    });
    const errors = problems.filter((p) => p.severity === "error");
    const replaced = new Set([file.path, name].map((f) => posix(path.normalize(f))));
    const taken = article && others.articles.find((a) => a.url === article.url && !replaced.has(posix(a.file)));
    if (taken) errors.push(duplicatePermalink(name, article.url, posix(taken.file)));
    return errors;
  });
}

const isArticle = (file: string, articlesDir: string) => file.endsWith(".md") && under(posix(path.normalize(file)), articlesDir);

/** Why a write may not happen: the CMS writes articles (the save check reads them) and
 *  pictures (assets/images/), deletes either, and touches nothing else of the repository,
 *  whatever a request names: an article sent as a picture would skip the check. */
function writeRefusal(request: ApiRequest, articlesDir: string): string | undefined {
  if (!isWrite(request.action) || !request.params) return undefined;
  const files = WRITES[request.action]!(request.params);
  const dir = posix(path.normalize(articlesDir));
  const isPicture = (f: string) => under(posix(path.normalize(f)), MEDIA.folder);
  const outside = [
    ...files.articles.filter((f) => !isArticle(f, dir)),
    ...files.media.filter((f) => !isPicture(f)),
    ...files.deleted.filter((f) => !isArticle(f, dir) && !isPicture(f)),
  ];
  return outside.length ? `The CMS writes articles (${dir}/*.md) and pictures (${MEDIA.folder}/) only, not ${outside.join(", ")}` : undefined;
}

/** Why git mode may not commit now: decap-server commits with `git add .`, which would take
 *  any other change of the working tree (an article saved from a text editor meanwhile) into
 *  an article's commit. */
function uncommittedChanges(root: string): string | undefined {
  const status = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" });
  return status.trim()
    ? "The CMS's git mode needs a working tree without uncommitted changes: each save commits with `git add .`, " +
        "which would take them into the article's commit. Commit or stash them, or start without --cms git."
    : undefined;
}

/** The branch checked out, which git mode reads and commits to whatever branch the CMS names
 *  (src/config/cms.ts names the production site's): decap-server checks out the branch a
 *  request names, and the preview serves the working tree, which must stay on the editor's
 *  branch (the editorial workflow's own branches, cms/…, are checked out only for a moment,
 *  and made from and merged into this one). */
function currentBranch(root: string): string {
  const branch = execFileSync("git", ["branch", "--show-current"], { cwd: root, encoding: "utf8" }).trim();
  if (!branch) throw new Error("The CMS's git mode commits to the branch checked out, and this working tree has none (a detached HEAD): check out a branch, or start without --cms git.");
  return branch;
}

/** The /admin/ page as the preview serves it, but without the live-reload script the preview
 *  puts into every page it sends as text (this sends bytes): each save re-renders the site,
 *  and a reload would throw away what the editor is typing, in this article or another. */
export function adminPage(previewFolder: string, pathPrefix: string): Middleware {
  const page = `${pathPrefix}admin/`;
  return (req, res, next) => {
    const pathname = (req.url ?? "").split("?")[0];
    if ((req.method !== "GET" && req.method !== "HEAD") || (pathname !== page && pathname !== `${page}index.html`)) return next();
    readFile(path.join(previewFolder, "admin", "index.html")).then(
      (html) => {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length, "Cache-Control": "no-cache" });
        res.end(req.method === "HEAD" ? undefined : html);
      },
      () => next(), // not rendered (yet): the preview says why
    );
  };
}

/** The middleware to mount on the preview server. */
export async function localBackend(options: LocalBackendOptions): Promise<Middleware> {
  if (options.mode === "git") {
    currentBranch(options.root);
    const dirty = uncommittedChanges(options.root);
    if (dirty) throw new Error(dirty);
  }
  const app = express();
  const saved = new Set<string>();
  app.use((req: Request, res: Response, next: NextFunction) => {
    const why = refusal({
      remoteAddress: req.socket.remoteAddress,
      localPort: req.socket.localPort,
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
      forwardedFor: (req.headers["x-forwarded-for"] ?? req.headers.forwarded) as string | undefined,
    });
    if (why) res.status(403).json({ error: why });
    else next();
  });
  app.post("/api/v1", express.json({ limit: "50mb" }), (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as ApiRequest;
    const outside = writeRefusal(body, options.articlesDir);
    if (outside) return res.status(403).json({ error: outside });
    if (options.mode === "git" && body.params) {
      try {
        body.params.branch = currentBranch(options.root);
      } catch (error) {
        return res.status(409).json({ error: (error as Error).message });
      }
      const dirty = isWrite(body.action) ? uncommittedChanges(options.root) : undefined;
      if (dirty) return res.status(409).json({ error: dirty });
    }
    if (body.action !== "persistEntry" || !body.params) return next();
    const params = body.params;
    saveProblems(params, options, saved).then((problems) => {
      if (problems.length) return res.status(422).json({ error: problems.map(formatProblem).join("\n") });
      for (const file of savedFiles(params)) saved.add(file);
      next();
    }, next);
  });
  // decap-server reads the repository's folder from the process: the preview's own.
  await (options.mode === "git" ? decapServer.registerLocalGit : decapServer.registerLocalFs)(app, { logLevel: "warn" });
  const mount = `${options.pathPrefix}admin/${LOCAL_API_PATH}`;
  return (req, res, next) => {
    const url = req.url ?? "";
    if (url !== mount && !url.startsWith(`${mount}?`)) return next();
    req.url = `/${LOCAL_API_PATH}${url.slice(mount.length)}`;
    app(req as Request, res as Response, next);
  };
}
