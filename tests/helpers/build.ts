// Builds a real site for tests: the same code path as `npm run build`, into a temp folder,
// with a fixed clock and site URL so the output is reproducible. Tests describe a build the
// way an operator does, with environment variables, read at this edge into options.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { optionsFromEnv, type BuildOptions } from "../../src/config/build-options.ts";
import site from "../../src/config/site.ts";
import { buildSite, type BuildResult } from "../../src/pipeline/build.ts";

export const TEST_SITE_URL = "https://news.example.org";
/** After every sample article of 2026 (the draft, the latest, is dated 2026-11-27), so only the
 *  one dated 2030 is scheduled. */
export const TEST_NOW = "2026-11-28T00:00:00+08:00";

/** A fresh, empty folder for one test's output, inside the run's folder that the global
 *  setup removes at the end. */
export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(process.env.QIAO_TEST_TMP ?? tmpdir(), "qiao-test-"));
}

/** The cache of a test run's builds (tests/setup/build-sample-site.ts), not the project's. */
export const testCacheDir = () => path.join(process.env.QIAO_TEST_TMP ?? tmpdir(), "cache");

/** The options of a production build with `env` on top of the test defaults. */
export function testOptions(env: Record<string, string> = {}, extra: Partial<BuildOptions> = {}): BuildOptions {
  const defaults = { QIAO_ENV: "production", SITE_URL: TEST_SITE_URL, QIAO_NOW: TEST_NOW, QIAO_CACHE_DIR: testCacheDir() };
  return { ...optionsFromEnv({ ...defaults, ...env }, site, { production: true }), ...extra };
}

/** Builds into `out` (default: a fresh folder) and answers the folder. */
export async function buildTestSite(env: Record<string, string> = {}, out?: string, extra: Partial<BuildOptions> = {}): Promise<string> {
  const target = out ?? path.join(await tempDir(), "site");
  await buildWithTestEnv(target, env, extra);
  return target;
}

/** The same build, answering what the build reports. */
export async function buildWithTestEnv(target: string, env: Record<string, string> = {}, extra: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return buildSite(target, testOptions(env, extra));
}
