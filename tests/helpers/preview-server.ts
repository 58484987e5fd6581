// `npm start` (scripts/serve.ts, the real preview) in a copy of the project, for tests that
// drive it: started on a port that is free, its output kept, stopped when the tests are done.

import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { TEST_NOW } from "./build.ts";
import { freePort } from "./ports.ts";
import { copyProject } from "./project-copy.ts";

export interface PreviewServer {
  process: ChildProcess;
  /** Every line it printed, stdout and stderr. */
  output: string[];
  /** Its address, http://localhost:PORT. */
  url: string;
  stop(): Promise<void>;
}

/** A copy of the project with the sample articles, and the pictures the tests' shared build
 *  encoded (tests/setup/): the preview would otherwise spend minutes encoding them again
 *  before it serves a page. */
export function copyProjectWithSamples(root: string): void {
  copyProject(root);
  cpSync("articles", path.join(root, "articles"), { recursive: true });
  if (existsSync(".cache/images")) cpSync(".cache/images", path.join(root, ".cache/images"), { recursive: true });
}

/** Starts the preview in `root` with `args` (search off: these tests are not about it), and
 *  resolves once it serves. */
export async function startPreviewServer(root: string, args: string[] = []): Promise<PreviewServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", ...args, "--port", String(await freePort())], {
    cwd: root,
    env: { ...process.env, QIAO_NOW: TEST_NOW, QIAO_ENV: "development", QIAO_SEARCH: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  // Whole lines only: a chunk may end mid-line.
  const lines = () => {
    let partial = "";
    return (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split("\n");
      partial = parts.pop()!;
      output.push(...parts);
    };
  };
  child.stdout!.on("data", lines());
  child.stderr!.on("data", lines());
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill();
    await new Promise((resolve) => child.once("exit", resolve));
  };
  const started = Date.now();
  for (;;) {
    const url = output.map((line) => /^Server at (http:\/\/\S+?)\/?$/.exec(line)?.[1]).find(Boolean);
    if (url) return { process: child, output, url, stop };
    if (child.exitCode !== null || Date.now() - started > 180_000) {
      await stop();
      throw new Error(`npm start did not start (exit code ${child.exitCode})\n${output.slice(-20).join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
