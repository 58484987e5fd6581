// Deploy to a folder a web server serves (a mounted share, /var/www/...): the new site is
// copied beside it and swapped in with a rename, so the server never serves a mix.

import { cp } from "node:fs/promises";
import { replaceDirAtomically } from "../../files/atomic-dir.ts";

export async function deployToFolder(siteDir: string, target: string, dryRun: boolean, log: (line: string) => void) {
  if (dryRun) {
    log(`would replace ${target}/ with a copy of ${siteDir}/`);
    return;
  }
  await replaceDirAtomically(target, (next) => cp(siteDir, next, { recursive: true }));
  log(`${target}/ now holds the new site`);
}
