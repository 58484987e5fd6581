// Builds the sample site once for every test file that reads it (`inject("siteDir")`).

import { register } from "tsx/esm/api";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  register();
  const { buildTestSite } = await import("../helpers/build.ts");
  project.provide("siteDir", await buildTestSite());
}
