// The preview's search index: one slot, the newest run wins. A run after a save writes only
// the recent tier beside the archive in the cache (src/features/search/tiers.ts). A save makes a running index
// stale, so the save stops it at once (the render then has the machine to itself) and asks
// for a new one, which starts once saves pause. A run happens in its own process at the
// lowest CPU priority (preview-indexer.ts) and writes into a folder of its own; only a
// finished run's indexes are moved into the served site, so a stopped run never leaves half
// an index behind.

import { fork, type ChildProcess } from "node:child_process";
import { mkdir, rename, rm } from "node:fs/promises";
import { constants, setPriority } from "node:os";
import path from "node:path";
import type { BuildOptions } from "../config/build-options.ts";
import { RECENT_DIRS, SEARCH_DIRS } from "../features/search/bundles.ts";
import type { IndexReply, IndexRequest } from "./preview-indexer.ts";

export interface PreviewSearch {
  /** Indexes the articles as they are on disk, once no request has come for `quietMs`;
   *  a run still going is stopped. */
  request(): void;
  /** Stops the running run, if any, and forgets a request not yet started. */
  stop(): void;
}

/** Moves a finished run's indexes into the site, one folder at a time, each by renames: a
 *  reader's query sees the old index or the new one. A recent tier the run did not write
 *  goes; the archives go last, with the tiers file that names the recent tiers. */
async function moveInto(siteDir: string, from: string, run: number): Promise<void> {
  for (const dir of [...Object.values(RECENT_DIRS), ...Object.values(SEARCH_DIRS)]) {
    const target = path.join(siteDir, dir);
    const old = `${target}.old-${run}`;
    const ignoreMissing = (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    };
    await rename(target, old).catch(ignoreMissing);
    await rename(path.join(from, dir), target).catch(ignoreMissing);
    await rm(old, { recursive: true, force: true });
  }
}

export function previewSearch(options: BuildOptions, siteDir: string, quietMs: number, log: (line: string) => void): PreviewSearch {
  const runsDir = path.join(options.cacheDir, "preview-search");
  let timer: NodeJS.Timeout | undefined;
  let running: { child: ChildProcess; stopped: boolean } | undefined;
  let runs = 0;
  // Folders of runs an earlier preview left when it was killed.
  const cleared = rm(runsDir, { recursive: true, force: true });
  // A run's process and its Pagefind process share a process group: one signal ends both.
  const kill = (child: ChildProcess) => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", () => running && kill(running.child));

  function start(): void {
    const run = ++runs;
    const dir = path.join(runsDir, String(run));
    const started = performance.now();
    const child = fork(new URL("./preview-indexer.ts", import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      detached: true,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const current = { child, stopped: false };
    running = current;
    // Set before the run starts its threads and Pagefind: they inherit it.
    setPriority(child.pid!, constants.priority.PRIORITY_LOW);
    let reply: IndexReply | undefined;
    child.once("message", (message: IndexReply) => (reply = message));
    child.once("exit", () => {
      if (running === current) running = undefined;
      void finish();
    });
    async function finish() {
      try {
        if (current.stopped) return;
        if (!reply || "error" in reply) {
          log(`[qiao] search index not updated: ${reply && "error" in reply ? reply.error : "the indexing process stopped"}`);
          return;
        }
        await moveInto(siteDir, dir, run);
        const counts = Object.entries(reply.counts).map(([lang, n]) => `${lang} ${n}`).join(", ");
        log(`[qiao] search index ready in ${Math.round(performance.now() - started)} ms (${counts})`);
      } catch (error) {
        log(`[qiao] search index not updated: ${(error as Error).message}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const request: IndexRequest = { options, dir };
    cleared.then(() => mkdir(dir, { recursive: true })).then(
      // A save may have stopped the run while its folder was made: its channel is closed
      // then, and a send without a callback would throw that at the preview.
      () => current.stopped || child.send(request, (error) => error && !current.stopped && log(`[qiao] search index not updated: ${error.message}`)),
      (error: Error) => {
        log(`[qiao] search index not updated: ${error.message}`);
        kill(child);
      },
    );
    log("[qiao] search indexing started");
  }

  const search: PreviewSearch = {
    request() {
      search.stop();
      timer = setTimeout(start, quietMs);
    },
    stop() {
      clearTimeout(timer);
      if (!running) return;
      running.stopped = true;
      kill(running.child);
      running = undefined;
      log("[qiao] search indexing stopped: a newer save makes it stale");
    },
  };
  return search;
}
