// Builds the sample site once for every test file that reads it (`inject("siteDir")`).

import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
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
  // The run's own cache (tests/helpers/build.ts), with the pictures and QR codes of earlier
  // runs, which take long to make and come out the same, but no search index: the shared
  // build writes it from scratch, whatever the project's own cache holds.
  for (const kept of ["images", "qr"]) {
    if (existsSync(path.join(".cache", kept))) cpSync(path.join(".cache", kept), path.join(runDir, "cache", kept), { recursive: true });
  }
  const { buildTestSite } = await import("../helpers/build.ts");
  project.provide("siteDir", await buildTestSite());
  return () => rmSync(runDir, { recursive: true, force: true });
}
