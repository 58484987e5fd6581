// Search indexing as the build drives it, from the main thread: a worker thread (worker.ts,
// with its own Pagefind process) writes the indexes beside the rendering. With a cache, the
// indexes are kept in tiers (tiers.ts): an archive written rarely and kept in the cache, and
// a recent tier of the articles it lacks, written on each build that changed one. A build
// whose searchable text is unchanged (a template or stylesheet commit) writes nothing.
// Nothing here loads Pagefind itself.

import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker, threadId } from "node:worker_threads";
import { LANGS, type Lang } from "../../config/languages.ts";
import type { Article } from "../../model/article.ts";
import { codeRecipe } from "../../files/code-recipe.ts";
import { linkTree } from "../../files/output-files.ts";
import { RECENT_DIRS, SEARCH_DIRS, TIERS_FILE, type IndexedCounts, type SearchTiers } from "./bundles.ts";
import type { SearchableArticle } from "./records.ts";
import { planTiers, type ArchiveManifest, type CachedArchive } from "./tiers.ts";
import type { BundleJob, WorkerReply } from "./worker.ts";

/** What the worker needs of an article, and no more: the message is copied between threads. */
function searchable(article: Article): SearchableArticle {
  const { url, title, kicker, column, date, credits } = article;
  return { url, title, kicker, column, date, credits, paragraphs: article.paragraphs.map(({ lang, html }) => ({ lang, html })) };
}

/** What makes an index what it is besides the articles: the worker that makes records and
 *  writes them (with every module it runs), and the versions of Pagefind and of the pinyin
 *  library. A change to any of them makes every digest new, and the archive is written again. */
const RECIPE = codeRecipe([new URL("./worker.ts", import.meta.url)], ["pagefind", "pinyin-pro"]);

/** A digest of everything an article's records are made from, and of the recipe. SHA-1, as a
 *  cache key needs no more: over the 30 MB of a 10,000-article archive's records it took
 *  40 ms here, SHA-256 330 ms. */
export function articleDigest({ paragraphs, ...fields }: SearchableArticle): string {
  const hash = createHash("sha1").update(RECIPE).update(JSON.stringify(fields));
  // Paragraph by paragraph: their HTML is most of the bytes, which JSON would copy and escape
  // (~160-450 ms for 10,000 articles here, against ~85 ms fed as they are).
  for (const { lang, html } of paragraphs) hash.update(`\0${lang}\0`).update(html);
  return hash.digest("hex").slice(0, 32);
}

/** A key made of digests, in a fixed order. */
function keyOf(parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\n");
  return hash.digest("hex").slice(0, 32);
}

/** Articles per message to a worker. */
const BATCH = 256;

/** Writes `bundles` of `articles` on a worker thread; answers each language's record ids. */
function indexOnWorker(bundles: readonly BundleJob[], articles: readonly SearchableArticle[], workers: Set<Worker>): Promise<Partial<Record<Lang, Record<string, string>>>> {
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { bundles } });
  workers.add(worker);
  const reply = new Promise<Partial<Record<Lang, Record<string, string>>>>((resolve, reject) => {
    worker.once("message", (message: WorkerReply) => ("error" in message ? reject(new Error(message.error)) : resolve(message.ids)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the search indexing worker stopped (exit code ${code})`)));
  });
  for (let i = 0; i < articles.length; i += BATCH) worker.postMessage({ articles: articles.slice(i, i + BATCH) });
  worker.postMessage({ done: true });
  return reply.finally(() => {
    workers.delete(worker);
    void worker.terminate();
  });
}

/** Cached archives and recent tiers kept: the newest few of each, so switching between two
 *  branches in one checkout reuses both. */
const KEEP = 3;

/** Keeps the bundles of `dirs` (language -> folder, those that exist) in the cache entry
 *  `entry`, one folder per language, with `extra` files beside them; drops the oldest
 *  entries of its kind beyond KEEP. */
async function keepInCache(entry: string, dirs: Partial<Record<Lang, string>>, extra: Record<string, string> = {}): Promise<void> {
  // Builds may run at once (the tests do, on one cache): each writes a folder of its own.
  const partial = `${entry}.partial-${process.pid}-${threadId}-${randomBytes(4).toString("hex")}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  for (const [lang, dir] of Object.entries(dirs)) if (existsSync(dir)) linkTree(dir, path.join(partial, lang));
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(partial, name), text);
  await rm(entry, { recursive: true, force: true });
  await rename(partial, entry);
  const folder = path.dirname(entry);
  const kind = path.basename(entry).split("-")[0];
  const entries = (await readdir(folder)).filter((name) => name.startsWith(`${kind}-`) && !name.includes(".partial-"));
  const byAge = await Promise.all(entries.map(async (name) => ({ name, time: (await stat(path.join(folder, name))).mtimeMs })));
  byAge.sort((a, b) => b.time - a.time);
  for (const old of byAge.slice(KEEP)) await rm(path.join(folder, old.name), { recursive: true, force: true });
}

const MANIFEST = "manifest.json";

/** The archives in the cache, made by the code of this build. */
function cachedArchives(searchCache: string): CachedArchive[] {
  if (!existsSync(searchCache)) return [];
  return readdirSync(searchCache)
    .filter((name) => /^archive-[0-9a-f]+$/.test(name) && existsSync(path.join(searchCache, name, MANIFEST)))
    .map((name) => ({ key: name.slice("archive-".length), manifest: JSON.parse(readFileSync(path.join(searchCache, name, MANIFEST), "utf8")) as ArchiveManifest }));
}

/** The records an index holds, as its entry file says (none when it was not written). */
function pageCount(bundle: string): number {
  if (!existsSync(bundle)) return 0;
  const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export interface IndexResult {
  /** Records a reader can find in each language. */
  counts: IndexedCounts;
  /** What the build wrote: the whole index (the archive), the recent tier beside the cached
   *  archive, or nothing (every index came from the cache). */
  wrote: "archive" | "recent" | "nothing";
  /** Articles in the recent tier. */
  recent: number;
}

export interface SearchIndexing {
  done: Promise<IndexResult>;
  /** Stops the worker, whether or not it finished. */
  stop(): Promise<void>;
}

const inSite = (siteDir: string, dirs: Record<Lang, string>) => Object.fromEntries(LANGS.map((lang) => [lang, path.join(siteDir, dirs[lang])])) as Record<Lang, string>;

/** The jobs that write one index per language into `dirs`; the English one carries the
 *  search page's script when `script`. */
const jobs = (dirs: Record<Lang, string>, script: boolean): BundleJob[] =>
  LANGS.map((lang) => ({ lang, dir: dirs[lang], script: script && lang === "en", skipEmpty: !script }));

/**
 * Writes the search indexes of `articles` into `siteDir` on a worker thread. With a
 * `cacheDir`, keeps them in tiers there (tiers.ts): one new or edited article writes a recent
 * tier of a few articles beside the cached archive, not the archive.
 */
export function startSearchIndexing(articles: readonly Article[], siteDir: string, cacheDir?: string): SearchIndexing {
  const workers = new Set<Worker>();
  const archiveDirs = inSite(siteDir, SEARCH_DIRS);
  const recentDirs = inSite(siteDir, RECENT_DIRS);
  const done = (async (): Promise<IndexResult> => {
    const records = articles.map(searchable);
    let tiers: SearchTiers = { recent: [], masked: { en: [], zh: [] } };
    let wrote: IndexResult["wrote"] = "nothing";
    let recent = 0;
    /** Records both tiers hold, the same: one article each. */
    const twice: IndexedCounts = { en: 0, zh: 0 };
    if (!cacheDir) {
      await indexOnWorker(jobs(archiveDirs, true), records, workers);
      wrote = "archive";
    } else {
      const searchCache = path.join(cacheDir, "search");
      const digests = new Map(records.map((record) => [record.url, articleDigest(record)]));
      const writeArchive = async () => {
        const ids = await indexOnWorker(jobs(archiveDirs, true), records, workers);
        const manifest: ArchiveManifest = { digests: Object.fromEntries(digests), ids: { en: ids.en ?? {}, zh: ids.zh ?? {} } };
        const key = keyOf([...digests].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, digest]) => `${url} ${digest}`));
        await keepInCache(path.join(searchCache, `archive-${key}`), archiveDirs, { [MANIFEST]: JSON.stringify(manifest) });
        wrote = "archive";
      };
      const plan = planTiers(digests, cachedArchives(searchCache));
      if (plan.kind === "archive") await writeArchive();
      else {
        try {
          for (const lang of LANGS) linkTree(path.join(searchCache, `archive-${plan.archive.key}`, lang), archiveDirs[lang]);
          recent = plan.recent.length;
          let recentIds: Partial<Record<Lang, Record<string, string>>> = {};
          if (recent) {
            const entry = path.join(searchCache, `recent-${keyOf([plan.archive.key, ...plan.recent.map((url) => `${url} ${digests.get(url)}`)])}`);
            if (existsSync(entry)) {
              recentIds = JSON.parse(readFileSync(path.join(entry, MANIFEST), "utf8")) as typeof recentIds;
              for (const lang of LANGS) if (existsSync(path.join(entry, lang))) linkTree(path.join(entry, lang), recentDirs[lang]);
            } else {
              const wanted = new Set(plan.recent);
              recentIds = await indexOnWorker(jobs(recentDirs, false), records.filter((record) => wanted.has(record.url)), workers);
              await keepInCache(entry, recentDirs, { [MANIFEST]: JSON.stringify(recentIds) });
              wrote = "recent";
            }
          }
          // A record the recent tier holds as the archive does (its text unchanged, only its
          // markup) has the same id in both: it stays, and the page keeps one of the two.
          const unchanged = (lang: Lang) => new Set(Object.values(recentIds[lang] ?? {}));
          const masked = Object.fromEntries(LANGS.map((lang) => [lang, plan.masked[lang].filter((id) => !unchanged(lang).has(id))])) as SearchTiers["masked"];
          for (const lang of LANGS) twice[lang] = plan.masked[lang].length - masked[lang].length;
          tiers = { recent: LANGS.filter((lang) => existsSync(recentDirs[lang])), masked };
        } catch (error) {
          // Another build dropped the cached tier while this one linked it: write the whole index.
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
          for (const dir of [...Object.values(archiveDirs), ...Object.values(recentDirs)]) await rm(dir, { recursive: true, force: true });
          recent = 0;
          Object.assign(twice, { en: 0, zh: 0 });
          tiers = { recent: [], masked: { en: [], zh: [] } };
          await writeArchive();
        }
      }
    }
    await writeFile(path.join(siteDir, TIERS_FILE), JSON.stringify(tiers));
    const counts = Object.fromEntries(
      LANGS.map((lang) => [lang, pageCount(archiveDirs[lang]) - tiers.masked[lang].length + pageCount(recentDirs[lang]) - twice[lang]]),
    ) as IndexedCounts;
    return { counts, wrote, recent };
  })();
  done.catch(() => {}); // the caller reads it; a build stopped early must not leave an unhandled rejection
  return {
    done,
    async stop() {
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}

/** Writes the search indexes of `articles` into `siteDir` and answers their record counts. */
export async function indexArticles(articles: readonly Article[], siteDir: string, cacheDir?: string): Promise<IndexedCounts> {
  const indexing = startSearchIndexing(articles, siteDir, cacheDir);
  try {
    return (await indexing.done).counts;
  } finally {
    await indexing.stop();
  }
}
