// `npm start` as a terminal runs it: a port in use is refused with the port to try (the
// preview's links name its port, so it never moves to another), and a change to the code
// restarts the preview while the command stays in the foreground, so Ctrl-C stops all of it
// and frees the port.

import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portInUse } from "../src/pipeline/port.ts";
import { TEST_NOW, tempDir } from "./helpers/build.ts";
import { freePort } from "./helpers/ports.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { tree } from "./helpers/tree.ts";

let root: string;
const started: ChildProcess[] = [];
const ENV = { ...process.env, QIAO_NOW: TEST_NOW, QIAO_ENV: "development", QIAO_SEARCH: "off" };

beforeAll(async () => {
  root = path.join(await tempDir(), "project");
  copyProject(root);
  cpSync("tests/fixtures/site", path.join(root, "articles"), { recursive: true });
  if (existsSync(".cache/images")) cpSync(".cache/images", path.join(root, ".cache", "images"), { recursive: true });
});

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
});

/** A command in a process group of its own, as a terminal runs a foreground job. */
function run(command: string, args: string[]): { child: ChildProcess; output: string[]; exited: Promise<number | null> } {
  const child = spawn(command, args, { cwd: root, env: ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

async function until(what: string, probe: () => boolean | Promise<boolean>, output: string[], ms = 120_000): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms\n${output.join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = (output: string[], pattern: RegExp) => output.filter((line) => pattern.test(line)).length;

/** Whether any process of the group `pgid` is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start and its port", () => {
  it("refuses a port in use, names a free one to try, and writes nothing", async () => {
    const holder: Server = createServer().listen(0);
    await new Promise((resolve) => holder.once("listening", resolve));
    const { port } = holder.address() as { port: number };
    const before = tree(root);
    try {
      const { output, exited } = run(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)]);
      expect(await exited).toBe(1);
      expect(output).toHaveLength(1);
      const [, next] = /^port (\d+) is in use; try --port (\d+)$/.exec(output[0]!)!.slice(1).map(Number);
      expect(next).toBeGreaterThan(port);
      expect(await portInUse(next!)).toBe(false);
      expect(tree(root)).toEqual(before);
    } finally {
      holder.close();
    }
  });

  it("keeps one foreground command through a restart after a code change, and Ctrl-C stops it and frees the port", async () => {
    const port = await freePort();
    const { child, output, exited } = run("npm", ["start", "--", "--port", String(port)]);
    const serving = new RegExp(`^Server at http://localhost:${port}/$`);
    await until("the preview", () => count(output, serving) === 1, output);
    const page = () => fetch(`http://localhost:${port}/news/20200301/published/`).then((r) => r.status, () => 0);
    expect(await page()).toBe(200);

    const code = path.join(root, "src", "config", "ui.ts");
    writeFileSync(code, `${readFileSync(code, "utf8")}\n// a change to the code\n`);
    await until("the restarted preview", () => count(output, /code changed: restarting/) === 1 && count(output, serving) === 2, output);
    expect(await page()).toBe(200);
    // The command npm ran is still the terminal's foreground job: npm has not returned.
    expect(child.exitCode).toBeNull();

    process.kill(-child.pid!, "SIGINT"); // Ctrl-C: the terminal signals the foreground group.
    await exited;
    await until("every process of the command to end", () => !groupAlive(child.pid!), output, 15_000);
    expect(await portInUse(port)).toBe(false);
  });

  it("passes a signal sent to the command alone on to the preview it restarted", async () => {
    const port = await freePort();
    const { child, output, exited } = run(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)]);
    await until("the preview", () => count(output, /^Server at /) === 1, output);
    const code = path.join(root, "src", "config", "site.ts");
    writeFileSync(code, `${readFileSync(code, "utf8")}\n// another change to the code\n`);
    await until("the restarted preview", () => count(output, /^Server at /) === 2, output);

    process.kill(child.pid!, "SIGINT"); // `kill -INT <pid>`: the supervising process only.
    expect(await exited).toBe(0);
    await until("the preview to end", () => !groupAlive(child.pid!), output, 15_000);
    expect(await portInUse(port)).toBe(false);
  });

  it("stops the preview when the command is killed outright, so nothing is left holding the port", async () => {
    const port = await freePort();
    const { child, output, exited } = run(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port)]);
    await until("the preview", () => count(output, /^Server at /) === 1, output);

    process.kill(child.pid!, "SIGKILL"); // cannot be caught, so not passed on to the preview
    await exited;
    await until("the preview to end with the command", () => !groupAlive(child.pid!), output, 15_000);
    expect(await portInUse(port)).toBe(false);
  });
});
