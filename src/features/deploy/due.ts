// Whether a CI run has anything to publish, and whether the code's tests must pass first.
// A newsroom pushes one story at a time and schedules others: a push of articles or images
// alone needs `npm run check` and the build, not the whole test suite, and a scheduled run
// that would build the site already live has nothing to do. Decided from the live site's
// build-info.json (the commit it was built from, the articles it publishes), the files
// changed since that commit, and what a build would publish now.

import { IMAGES_DIR } from "../../config/build-options.ts";
import type { BuildInfo, Published } from "./build-info.ts";

/** The live site's build-info.json, or why there is none to go by. */
export type LiveInfo = { info: BuildInfo } | { problem: string };

/** What changed between a known commit and the one to build. */
export interface Changes {
  /** The commit compared with. */
  base: string;
  /** Whether `base` is the commit the live site was built from (else the push's `before`,
   *  which leaves out whatever an earlier run failed to publish, so the tests run). */
  deployed: boolean;
  /** Paths from the repository's root. */
  files: string[];
}

export interface DueInput {
  live: LiveInfo;
  /** Undefined when this clone holds neither the live site's commit nor the push's `before`. */
  changes: Changes | undefined;
  /** What a build would publish now. */
  published: Published;
  /** The folder articles are read from, relative to the repository's root. */
  articlesDir: string;
}

export interface Due {
  /** A build would publish something the live site lacks. */
  publish: boolean;
  /** Code changed (or what changed cannot be told): the tests run before publishing. */
  test: boolean;
  /** One line for the log. */
  reason: string;
}

/** Articles and pictures: what an editor changes, never code. */
export function isContent(file: string, articlesDir: string): boolean {
  const folders = [articlesDir.replace(/^\.\/|\/+$/g, ""), IMAGES_DIR];
  return folders.some((folder) => file.startsWith(`${folder}/`));
}

const short = (commit: string) => commit.slice(0, 7);
const count = (n: number, noun: string) => `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;

function changesLine(changes: Changes, code: readonly string[]): string {
  const since = `since ${short(changes.base)} (${changes.deployed ? "the live site's commit" : "the push's before: this clone lacks the live site's commit, or it names none"})`;
  if (!changes.files.length) return `nothing changed ${since}${changes.deployed ? "" : ", but code may have changed before it, unpublished: tests first"}`;
  const files = `${count(changes.files.length, "file")} changed ${since}`;
  if (!code.length && !changes.deployed) return `${files}, articles and images only, but code may have changed before it, unpublished: tests first`;
  if (!code.length) return `${files}, articles and images only: no tests`;
  const named = code.slice(0, 3).join(", ") + (code.length > 3 ? `, and ${count(code.length - 3, "more file")}` : "");
  return `${files}, code among them (${named}): tests first`;
}

export function due({ live, changes, published, articlesDir }: DueInput): Due {
  if (!("info" in live)) return { publish: true, test: true, reason: `${live.problem}: publish, tests first.` };
  if (!changes) {
    return {
      publish: true,
      test: true,
      reason: "what changed since the live site was built cannot be told (this clone holds neither its commit nor the push's before): publish, tests first.",
    };
  }
  const code = changes.files.filter((file) => !isContent(file, articlesDir));
  const liveArticles = live.info.published;
  const comeDue = liveArticles?.fingerprint !== published.fingerprint;
  const publish = !changes.deployed || changes.files.length > 0 || comeDue;
  const articles = !liveArticles
    ? "the live site does not say which articles it publishes"
    : comeDue
      ? `a build now publishes ${count(published.articles, "article")}, the live site ${count(liveArticles.articles, "article")}: some have come due`
      : "no article has come due";
  const reason = `${changesLine(changes, code)}; ${articles}.`;
  // Compared with the push's before, an earlier push's code that never went live (its
  // tests failed) is not among the changes: the tests run.
  return { publish, test: code.length > 0 || !changes.deployed, reason: publish ? `Publish: ${reason}` : `Nothing to publish: ${reason}` };
}
