// The yardstick of the build benchmark: Eleventy with nothing of ours, building the same
// Markdown files with a one-line layout. What a build costs beyond it is what Qiao adds.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes the minimal project's config and layout into `dir`; answers the arguments that
 *  build `articlesDir` into `outDir` with it (for `node`, from the bench project). */
export function minimalEleventy(dir: string, articlesDir: string, outDir: string): string[] {
  mkdirSync(path.join(dir, "_includes"), { recursive: true });
  writeFileSync(path.join(dir, "_includes", "page.njk"), "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{{ page.fileSlug }}</title><body>{{ content | safe }}</body></html>\n");
  writeFileSync(
    path.join(dir, "eleventy.config.mjs"),
    `export default function (config) {\n  config.addGlobalData("layout", "page.njk");\n  return { dir: { includes: ${JSON.stringify(path.relative(articlesDir, path.join(dir, "_includes")))} } };\n}\n`,
  );
  return [
    "node_modules/@11ty/eleventy/cmd.cjs",
    `--config=${path.join(dir, "eleventy.config.mjs")}`,
    `--input=${articlesDir}`,
    `--output=${outDir}`,
    "--quiet",
  ];
}
