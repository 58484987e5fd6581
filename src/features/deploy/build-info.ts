// What a build says about itself, in a small file beside its pages, so that `npm run deploy`
// can tell what it is about to publish: a preview, or a site whose links point to a
// placeholder address, must not reach readers. It is published with the site (nothing in
// it is secret), so a folder that holds it holds a site built by Qiao: a folder deploy
// replaces only such a folder, an empty one or a new one.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isPlaceholderUrl, placeholderUrlMessage, type BuildOptions } from "../../config/build-options.ts";
import { parseJson } from "../../files/json.ts";

/** The file's site path. */
export const BUILD_INFO_PATH = "/build-info.json";

const buildInfoSchema = z.strictObject({
  siteUrl: z.string(),
  pathPrefix: z.string(),
  production: z.boolean(),
});

export type BuildInfo = z.infer<typeof buildInfoSchema>;

export function buildInfo(options: Pick<BuildOptions, "siteUrl" | "pathPrefix" | "production">): BuildInfo {
  return { siteUrl: options.siteUrl, pathPrefix: options.pathPrefix, production: options.production };
}

/** The build info of the site in `dir`: none when the file is missing, or what is wrong
 *  with it (`file:line:col message`) when it is not one. */
export async function readBuildInfo(dir: string): Promise<{ info?: BuildInfo } | { error: string }> {
  const file = path.join(dir, BUILD_INFO_PATH);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return {};
  const parsed = parseJson(text);
  if ("error" in parsed) return { error: `${file}:${parsed.error.line}:${parsed.error.col} not valid JSON: ${parsed.error.message}` };
  const checked = buildInfoSchema.safeParse(parsed.value);
  if (!checked.success) return { error: `${file}:1:1 not what npm run build writes: ${checked.error.issues[0]!.path.join(".") || "the file"} ${checked.error.issues[0]!.message}` };
  return { info: checked.data };
}

/** Why a built site must not be published, or undefined when it may be. */
export function unpublishable(info: BuildInfo | undefined): string | undefined {
  if (!info) return `the site has no ${BUILD_INFO_PATH.slice(1)}: build it with npm run build first.`;
  if (!info.production) return "this is a preview build (drafts and scheduled articles included): build it with npm run build.";
  if (isPlaceholderUrl(info.siteUrl)) return placeholderUrlMessage(info.siteUrl);
  return undefined;
}
