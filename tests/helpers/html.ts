// Reading built pages the way a browser would: a real HTML parser over the real files.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";

export type Doc = ReturnType<typeof parseHTML>["document"];

/** The document at a site path such as "/news/" (index.html is implied). */
export async function readPage(siteDir: string, urlPath: string): Promise<Doc> {
  const file = path.join(siteDir, decodeURIComponent(urlPath), urlPath.endsWith("/") ? "index.html" : "");
  return parseHTML(await readFile(file, "utf8")).document;
}

export function text(el: { textContent: string | null } | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}
