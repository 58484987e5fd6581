// Wall time, CPU time and peak memory of a command and everything it starts (Pagefind runs
// its own binary, so the Node process's own maxRSS would miss most of the indexing memory).
// CPU time is the steadier figure on a shared machine: other work lengthens a build's wall
// time far more than the CPU it needs.

import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface RunStats {
  seconds: number;
  /** User + system CPU of the command and every process it waited for. */
  cpuSeconds: number;
  /** Highest sum of resident memory over the process tree, sampled every 50 ms. */
  peakRssBytes: number;
  stdout: string;
}

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return []; // the process ended between two reads
  }
}

function rssBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += rssBytes(pid);
    queue.push(...children(pid));
  }
  return total;
}

/** Sums the children's user and system times that the shell's `times` prints last. */
function childCpuSeconds(times: string): number {
  const last = times.trim().split("\n").at(-1) ?? "";
  return [...last.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, min, sec]) => sum + Number(min) * 60 + Number(sec), 0);
}

/** Runs a command to completion; rejects with its output if it fails. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<RunStats> {
  const started = performance.now();
  // A POSIX shell runs the command and then reports, on fd 3, the CPU its waited-for
  // descendants used: Node waits for Pagefind, so the whole tree is counted.
  const script = '"$@"; status=$?; times >&3; exit $status';
  const child = spawn("sh", ["-c", script, "sh", command, ...args], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let times = "";
  child.stdio[3]!.on("data", (chunk: Buffer) => (times += chunk));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(child.pid!));
  }, 50);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk;
    for (const line of chunk.toString().split("\n").filter(Boolean)) options.onLine?.(line);
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, cpuSeconds: childCpuSeconds(times), peakRssBytes: peak, stdout });
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}
