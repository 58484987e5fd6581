import { checkSiteUrl } from "./urls.ts";

// What kind of build this is, decided once from the environment so every module sees the
// same answer: `npm start` previews drafts and scheduled articles, a production build never
// publishes them.

export interface BuildOptions {
  /** Drafts and scheduled articles are left out. */
  production: boolean;
  /** Scheduled (future-dated) articles are included even in production (`--future`). */
  includeFuture: boolean;
  /** Absolute site URL without path prefix, no trailing slash. */
  siteUrl: string;
  /** "/" or "/sub/path/": where the site lives on its host. */
  pathPrefix: string;
  /** The moment that decides whether an article is scheduled. */
  now: Date;
  /** The folder articles are read from. */
  articlesDir: string;
  /** Set by `npm start` after an edit: render only what this article file changes. */
  focus?: string;
  /** QR codes on article pages (QIAO_QR=off only for the benchmark's baseline). */
  qr: boolean;
  /** Search indexes (QIAO_SEARCH=off only for the benchmark's baseline). */
  search: boolean;
}

type Env = Record<string, string | undefined>;

/** Where articles are read from and written to: QIAO_ARTICLES_DIR, or `articles`. */
export function articlesDirFrom(env: Env): string {
  return env.QIAO_ARTICLES_DIR || "articles";
}

export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Reads QIAO_ENV (production|development; defaults to development under `eleventy --serve`
 * or `--watch`, production otherwise), QIAO_FUTURE=1, SITE_URL, PATH_PREFIX, QIAO_NOW
 * (an ISO time, for reproducible tests), QIAO_ARTICLES_DIR (default `articles`) and
 * QIAO_FOCUS (set by the preview server only).
 */
export function buildOptionsFromEnv(env: Env, siteUrl: string | undefined): BuildOptions {
  const watching = env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch";
  const production = env.QIAO_ENV ? env.QIAO_ENV === "production" : !watching;
  const url = env.SITE_URL || siteUrl;
  return {
    production,
    includeFuture: env.QIAO_FUTURE === "1",
    // A preview may run without a site URL; a production build must not publish without one.
    siteUrl: production || url ? checkSiteUrl(url) : "http://localhost:8080",
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    now: env.QIAO_NOW ? new Date(env.QIAO_NOW) : new Date(),
    articlesDir: articlesDirFrom(env),
    focus: env.QIAO_FOCUS || undefined,
    qr: env.QIAO_QR !== "off",
    search: env.QIAO_SEARCH !== "off",
  };
}
