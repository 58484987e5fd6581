// The files of a built site, as a deploy sees them: key (a URL path without the leading
// slash), size and MD5 (what S3 reports as the ETag of a simple upload).

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";

export interface SiteFile {
  key: string;
  file: string;
  size: number;
  md5: string;
}

/** Every file of the site in `dir`, by key, in a stable order. */
export async function siteFileKeys(dir: string): Promise<string[]> {
  return (await glob("**", { cwd: dir, dot: true, expandDirectories: false })).sort();
}

export async function siteFiles(dir: string): Promise<SiteFile[]> {
  return Promise.all(
    (await siteFileKeys(dir)).map(async (key) => {
      const file = path.join(dir, key);
      const body = await readFile(file);
      return {
        key,
        file,
        size: body.length,
        md5: createHash("md5").update(body).digest("hex"),
      };
    }),
  );
}
