// The build-info.json of the site readers have now, read from its address (or a file, for a
// host that is not served over http). A site not yet published is no error: the answer says
// why there is nothing to go by, and CI then publishes after the tests.

import { readFile } from "node:fs/promises";
import { parseBuildInfo } from "./build-info.ts";
import type { LiveInfo } from "./due.ts";

async function fetchText(url: string): Promise<string | { problem: string }> {
  try {
    // A copy a CDN kept from before the last deploy names an older commit: the run then
    // counts more files as changed and publishes again, never less.
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
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
  const parsed = parseBuildInfo(text, source);
  return "error" in parsed ? { problem: parsed.error } : parsed;
}
