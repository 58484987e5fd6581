// What kind of build this is: decided once, at the edge (a script in scripts/, or the bare
// Eleventy CLI in .eleventy.ts), from its arguments and the environment, then passed down
// as a typed object. No module below reads the environment.

import type { SiteConfig } from "./site.ts";

export interface BuildOptions {
  /** Drafts and scheduled articles are left out. */
  production: boolean;
  /** Scheduled (future-dated) articles are included even in production (`--future`). */
  includeFuture: boolean;
  /** Absolute site URL without path prefix, no trailing slash. */
  siteUrl: string;
  /** "/" or "/sub/path/": where the site lives on its host. */
  pathPrefix: string;
  /** The moment that decides whether an article is scheduled: one per build, so the check,
   *  the pages and the search index agree. */
  now: Date;
  /** The folder articles are read from. */
  articlesDir: string;
  /** The folder that outlives builds: encoded images, QR codes. */
  cacheDir: string;
  /** Set by `npm start`: article pages show the editorial warnings next to the paragraphs
   *  they are about, and every page loads the preview's error overlay. */
  preview?: boolean;
  /** Set by the preview after a save: render only what these article files change. */
  changedArticles?: readonly string[];
  /** QR codes on article pages (off only for the benchmark's baseline). */
  qr: boolean;
  /** Search indexes (off only for the benchmark's baseline). */
  search: boolean;
  /** The git commit the site is built from, recorded in build-info.json so that the next CI
   *  run can tell what changed since this build went live (`npm run due`). */
  commit?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Where the pictures articles show are kept: copied into the site as they are, and, like
 *  the articles, content rather than code to CI (`npm run due`). */
export const IMAGES_DIR = "assets/images";

/** Where articles are read from and written to: QIAO_ARTICLES_DIR, or `articles`. */
export function articlesDirFrom(env: Env): string {
  return env.QIAO_ARTICLES_DIR || "articles";
}

/** The time a command takes as now: QIAO_NOW (an ISO time, for reproducible tests), else now. */
export function nowFrom(env: Env): Date {
  return env.QIAO_NOW ? new Date(env.QIAO_NOW) : new Date();
}

export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** Throws a message an operator can act on unless `url` is an absolute http(s) URL. */
export function checkSiteUrl(url: string | undefined): string {
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.pathname.replace(/\/+$/, "") !== "" || parsed.search || parsed.hash) {
    throw new Error(
      `The site URL ${url ? `"${url}"` : "is missing; it"} must be an absolute http(s) URL with no path, ` +
        `such as https://news.example.org. Set "url" in src/config/site.ts or the SITE_URL environment ` +
        `variable; put a sub-path in PATH_PREFIX.`,
    );
  }
  return parsed.origin;
}

// Addresses that can never be a published site: the domains RFC 2606 and RFC 6761 reserve
// for examples and tests, and this machine.
const PLACEHOLDER_HOST = /(?:^|\.)(?:example|test|invalid|localhost)$|(?:^|\.)example\.(?:com|net|org)$|^127\.|^\[::1\]$|^0\.0\.0\.0$/;

/** Whether a site URL is a stand-in (the sample's https://english.zhengzhou.example,
 *  localhost...) rather than where readers will find the site. */
export function isPlaceholderUrl(url: string): boolean {
  return PLACEHOLDER_HOST.test(new URL(url).hostname);
}

/** What to tell an operator whose site URL is a placeholder. */
export function placeholderUrlMessage(url: string): string {
  return (
    `The site URL ${url} is a placeholder: QR codes, canonical links, feeds and the sitemap of this ` +
    `build point to an address readers cannot reach. Set the real address with SITE_URL=https://your.domain ` +
    `(or "url" in src/config/site.ts) and build again.`
  );
}

export interface EnvDefaults {
  /** What a build is when QIAO_ENV does not say: `npm start` previews, `npm run build` publishes. */
  production: boolean;
  /** Where a preview is served, for its absolute URLs. */
  previewPort?: number;
}

/**
 * Reads QIAO_ENV (production|development), QIAO_FUTURE=1, SITE_URL, PATH_PREFIX, QIAO_NOW
 * (an ISO time, for reproducible tests), QIAO_ARTICLES_DIR (default `articles`),
 * QIAO_CACHE_DIR (default `.cache`), QIAO_QR=off and QIAO_SEARCH=off (the benchmark's
 * baseline), QIAO_COMMIT (the commit being built, set by CI).
 */
export function optionsFromEnv(env: Env, site: Pick<SiteConfig, "url">, defaults: EnvDefaults): BuildOptions {
  const production = env.QIAO_ENV ? env.QIAO_ENV === "production" : defaults.production;
  const url = env.SITE_URL || (production ? site.url : undefined);
  return {
    production,
    includeFuture: env.QIAO_FUTURE === "1",
    // A preview links to itself; a production build must not publish without a real URL.
    siteUrl: production || url ? checkSiteUrl(url) : `http://localhost:${defaults.previewPort ?? 8080}`,
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    now: nowFrom(env),
    articlesDir: articlesDirFrom(env),
    cacheDir: env.QIAO_CACHE_DIR || ".cache",
    qr: env.QIAO_QR !== "off",
    search: env.QIAO_SEARCH !== "off",
    ...(env.QIAO_COMMIT ? { commit: env.QIAO_COMMIT } : {}),
  };
}

/**
 * Eleventy loads .eleventy.ts itself, so options cannot be passed to it as an argument. The
 * build hands them over on Eleventy's config object instead (src/pipeline/render.ts, through the
 * programmatic API's config callback, which runs before the config file) and .eleventy.ts
 * takes them from there. A registered symbol, not a module-level map: under the test runner
 * the build and the config file may hold two copies of this module.
 */
const OPTIONS = Symbol.for("qiao.buildOptions");

export function giveOptions(config: object, options: BuildOptions): void {
  Object.defineProperty(config, OPTIONS, { value: options });
}

export function optionsGiven(config: object): BuildOptions | undefined {
  return (config as { [OPTIONS]?: BuildOptions })[OPTIONS];
}
