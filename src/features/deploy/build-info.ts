// What a build says about itself, in a small file beside its pages, so that `npm run deploy`
// can tell what it is about to publish (a preview, or a site whose links point to a
// placeholder address, must not reach readers), and so that once it is live the next CI run
// can tell what changed since (`npm run due`): the commit it was built from, and which
// articles it published, as a fingerprint. It is published with the site (nothing in it is
// secret: it names no scheduled article and no time to come), so a folder that holds it holds
// a site built by Qiao: a folder deploy replaces only such a folder, an empty one or a new one.

import { createHash } from "node:crypto";
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
  commit: z.string().optional(),
  published: z.strictObject({ articles: z.number(), fingerprint: z.string() }).optional(),
});

export type BuildInfo = z.infer<typeof buildInfoSchema>;
export type Published = NonNullable<BuildInfo["published"]>;

/** The published articles, named by their URLs: what changes when one comes due. */
export function published(articles: readonly { url: string }[]): Published {
  const urls = articles.map((a) => a.url).sort();
  return { articles: urls.length, fingerprint: createHash("sha1").update(urls.join("\n")).digest("hex") };
}

export function buildInfo(options: Pick<BuildOptions, "siteUrl" | "pathPrefix" | "production" | "commit">, articles: readonly { url: string }[]): BuildInfo {
  return {
    siteUrl: options.siteUrl,
    pathPrefix: options.pathPrefix,
    production: options.production,
    ...(options.commit ? { commit: options.commit } : {}),
    published: published(articles),
  };
}

/** A build-info.json's text as read back from `name` (a file or an address), or what is
 *  wrong with it (`name:line:col message`) when it is not one a build writes. */
export function parseBuildInfo(text: string, name: string): { info: BuildInfo } | { error: string } {
  const parsed = parseJson(text);
  if ("error" in parsed) return { error: `${name}:${parsed.error.line}:${parsed.error.col} not valid JSON: ${parsed.error.message}` };
  const checked = buildInfoSchema.safeParse(parsed.value);
  if (!checked.success) return { error: `${name}:1:1 not what npm run build writes: ${checked.error.issues[0]!.path.join(".") || "the file"} ${checked.error.issues[0]!.message}` };
  return { info: checked.data };
}

/** The build info of the site in `dir`: none when the file is missing, or what is wrong
 *  with it when it is not one. */
export async function readBuildInfo(dir: string): Promise<{ info?: BuildInfo } | { error: string }> {
  const file = path.join(dir, BUILD_INFO_PATH);
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? {} : parseBuildInfo(text, file);
}

/** Why a built site must not be published, or undefined when it may be. */
export function unpublishable(info: BuildInfo | undefined): string | undefined {
  if (!info) return `the site has no ${BUILD_INFO_PATH.slice(1)}: build it with npm run build first.`;
  if (!info.production) return "this is a preview build (drafts and scheduled articles included): build it with npm run build.";
  if (isPlaceholderUrl(info.siteUrl)) return placeholderUrlMessage(info.siteUrl);
  return undefined;
}
