// The one assumption the preview makes about Eleventy's internals (src/pipeline/render.ts):
// in one process, Eleventy keeps a layout it has read across renders, and the event its own
// watcher sends makes the next render read it again. If an Eleventy upgrade changes either,
// this fails: a preview that no longer shows template edits, or a workaround to remove.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildInto } from "../src/pipeline/build.ts";
import { forgetTemplates } from "../src/pipeline/render.ts";
import { tempDir, testOptions } from "./helpers/build.ts";
import { copyProject } from "./helpers/project-copy.ts";

const LAYOUT = "_includes/layouts/base.njk";
let root: string;
const home = process.cwd();

beforeAll(async () => {
  root = path.join(await tempDir(), "project");
  copyProject(root);
  cpSync("tests/fixtures/site", path.join(root, "articles"), { recursive: true });
  // Eleventy renders the project in the working folder.
  process.chdir(root);
});

afterAll(() => process.chdir(home));

/** Renders the copy and answers its home page. */
async function render(): Promise<string> {
  const out = path.join(await tempDir(), "site");
  await buildInto(out, testOptions({ QIAO_SEARCH: "off" }));
  return readFileSync(path.join(out, "index.html"), "utf8");
}

it("keeps a layout across renders in one process until told, as Eleventy's watcher tells it, that the file changed", async () => {
  expect(await render()).not.toContain("a layout edit");
  writeFileSync(LAYOUT, readFileSync(LAYOUT, "utf8").replace("</body>", "<!-- a layout edit --></body>"));
  // Eleventy's cache: without this, forgetTemplates is no longer needed.
  expect(await render()).not.toContain("a layout edit");
  forgetTemplates([LAYOUT]);
  expect(await render()).toContain("<!-- a layout edit -->");
});
