// The build-info.json of the site readers have now, read from its address (or a file, for a
// host that is not served over http). A site not yet published is no error: the answer says
// why there is nothing to go by, and CI then publishes after the tests.

import { readFile } from "node:fs/promises";
import { parseBuildInfo, type BuildInfo } from "./build-info.ts";

export type LiveInfo = { info: BuildInfo } | { problem: string };

async function fetchText(url: string): Promise<string | { problem: string }> {
  try {
    // no-store: a cached copy would name the commit before the last deploy.
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(20_000) });
    if (response.status === 404) return { problem: `no site at ${url} yet (404)` };
    if (!response.ok) return { problem: `${url} answered ${response.status}` };
    return await response.text();
  } catch (error) {
    return { problem: `${url} could not be read (${error instanceof Error ? error.message : error})` };
  }
}

export async function readLiveInfo(source: string): Promise<LiveInfo> {
  const text = /^https?:\/\//.test(source) ? await fetchText(source) : await readFile(source, "utf8").catch(() => ({ problem: `no file ${source}` }));
  if (typeof text !== "string") return text;
  try {
    return { info: parseBuildInfo(text) };
  } catch {
    return { problem: `${source} is not a build-info.json a build writes` };
  }
}
