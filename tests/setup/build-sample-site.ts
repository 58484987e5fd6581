// Builds the sample site once for every test file that reads it (`inject("siteDir")`).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  register();
  // Every folder the tests make lives in here; test workers inherit the variable.
  const runDir = mkdtempSync(path.join(tmpdir(), "qiao-tests-"));
  process.env.QIAO_TEST_TMP = runDir;
  const { buildTestSite } = await import("../helpers/build.ts");
  project.provide("siteDir", await buildTestSite());
  return () => rmSync(runDir, { recursive: true, force: true });
}
