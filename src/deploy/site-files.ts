// The files of a built site, as a deploy sees them: key (a URL path without the leading
// slash), size and MD5 (what S3 reports as the ETag of a simple upload).

import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";

export interface SiteFile {
  key: string;
  file: string;
  size: number;
  md5: string;
}

export async function siteFiles(dir: string): Promise<SiteFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  return Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      return {
        key: path.relative(dir, file).split(path.sep).join("/"),
        file,
        size: body.length,
        md5: createHash("md5").update(body).digest("hex"),
      };
    }),
  );
}
