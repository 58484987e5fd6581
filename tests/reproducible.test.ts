// Two clean builds of the same content are byte for byte the same: a rebuild with nothing
// changed publishes nothing new, and a diff of two builds shows only what an editor changed.

import { expect, inject, it } from "vitest";
import { cp } from "node:fs/promises";
import path from "node:path";
import { buildTestSite, tempDir, testCacheDir } from "./helpers/build.ts";
import { snapshot } from "./helpers/site-snapshot.ts";

it("two clean builds of the same content are byte-identical", async () => {
  // The shared build ran in vitest's main process; this one runs in a fresh worker, into
  // another folder, so no in-process cache can make them agree.
  // A clean build writes its search index from scratch: the run's cache, less its search tiers.
  const cache = path.join(await tempDir(), "cache");
  await cp(testCacheDir(), cache, { recursive: true, filter: (from) => !from.startsWith(path.join(testCacheDir(), "search")) });
  const first = await snapshot(inject("siteDir"));
  const second = await snapshot(await buildTestSite({ QIAO_CACHE_DIR: cache }));
  expect(Object.keys(first).length).toBeGreaterThan(5);
  expect(second).toEqual(first);
});
