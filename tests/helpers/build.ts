// Builds a real site for tests: the same code path as `npm run build`, into a temp folder,
// with a fixed clock and site URL so the output is reproducible.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build.ts";

export const TEST_SITE_URL = "https://news.example.org";
/** After every sample article, so none is scheduled. */
export const TEST_NOW = "2026-01-01T00:00:00+08:00";

export async function buildTestSite(
  env: Record<string, string> = {},
  cwd = process.cwd(),
): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), "qiao-test-")), "site");
  const saved = { ...process.env };
  const savedCwd = process.cwd();
  Object.assign(process.env, { QIAO_ENV: "production", SITE_URL: TEST_SITE_URL, QIAO_NOW: TEST_NOW, ...env });
  try {
    process.chdir(cwd);
    await buildSite(out);
  } finally {
    process.chdir(savedCwd);
    process.env = saved;
  }
  return out;
}
