// Deploy to a folder a web server serves (a mounted share, /var/www/...): the new site is
// copied beside it and swapped in with a rename, so the server never serves a mix. The swap
// replaces the whole folder, so it goes only where nothing else can be lost: a folder that is
// new, empty or holds a site built by Qiao (its build-info.json, which every deploy leaves),
// and never the project, a folder that holds it, or the built site itself.

import { existsSync } from "node:fs";
import { cp, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { replaceDirAtomically } from "../../files/atomic-dir.ts";
import { BUILD_INFO_PATH, readBuildInfo } from "./build-info.ts";
import { checkDeletions, DeployRefused, type DeployRun } from "./plan.ts";
import { siteFileKeys } from "./site-files.ts";

export interface FolderDeployOptions extends DeployRun {
  /** The project's own folder: never deployed into, nor any folder that holds it. */
  projectRoot: string;
}

/** The folder `target` is, symlinks followed; for a folder yet to be made, where it will be. */
async function resolved(target: string): Promise<string> {
  const absolute = path.resolve(target);
  if (existsSync(absolute)) return realpath(absolute);
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await resolved(parent), path.basename(absolute));
}

/** Whether `inner` is `outer` or below it (`/` holds everything). */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : `${outer}${path.sep}`);

/**
 * Why a folder swap must not replace `target`, or undefined when it may: it may replace a
 * folder that is new, empty or holds a site built by Qiao, never the project, a folder that
 * holds it, nor `source` (what is copied in) or a folder inside or around it. `npm run build`
 * asks the same of its --out.
 */
export async function folderRefusal(target: string, projectRoot: string, source?: string): Promise<string | undefined> {
  const folder = await resolved(target);
  const project = await realpath(projectRoot);
  if (within(project, folder)) {
    return `${target} ${folder === project ? "is this project" : "holds this project"}, and the whole folder would be replaced: use a new folder, such as ./public or /var/www/news.`;
  }
  const site = source === undefined ? undefined : await realpath(source);
  if (site && (within(folder, site) || within(site, folder))) {
    return `${target} ${folder === site ? "is" : within(folder, site) ? "is inside" : "holds"} the built site (${source}/): deploy it to a folder of its own.`;
  }
  if (!existsSync(folder)) return undefined;
  if (!(await stat(folder)).isDirectory()) return `${target} is a file, not a folder.`;
  const entries = await readdir(folder);
  if (!entries.length) return undefined;
  const built = await readBuildInfo(folder);
  if ("info" in built && built.info) return undefined;
  return (
    `${target} holds ${entries.length === 1 ? "a file or folder" : `${entries.length} files or folders`} and no site built by Qiao (no valid ${BUILD_INFO_PATH.slice(1)}), ` +
    `and the whole folder would be replaced: use a new or empty folder, or one Qiao wrote.`
  );
}

export async function deployToFolder(siteDir: string, target: string, options: FolderDeployOptions): Promise<void> {
  const refusal = await folderRefusal(target, options.projectRoot, siteDir);
  if (refusal) throw new DeployRefused(refusal);
  const live = existsSync(target) ? await siteFileKeys(target) : [];
  const built = new Set(await siteFileKeys(siteDir));
  const deleted = live.filter((file) => !built.has(file));
  checkDeletions(deleted, live, options.allowDeletes);
  if (options.dryRun) {
    options.log(`would replace ${target}/ with a copy of ${siteDir}/ (${built.size} files; ${deleted.length} of the ${live.length} there now go)`);
    for (const file of deleted) options.log(`  delete ${file}`);
    return;
  }
  await replaceDirAtomically(target, (next) => cp(siteDir, next, { recursive: true }));
  options.log(`${target}/ now holds the new site (${built.size} files; ${deleted.length} deleted)`);
}
