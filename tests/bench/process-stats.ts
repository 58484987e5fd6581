// Wall time, CPU time and peak memory of a command and everything it starts. Both are read
// from /proc for the whole process tree: Pagefind runs its own binary, which the Node
// process neither counts in its maxRSS nor always waits for (the build may exit before it
// reaps the stopped indexer), so neither Node's own figures nor the shell's `times` see it.
// CPU time is the steadier figure on a shared machine: other work lengthens a build's wall
// time far more than the CPU it needs.

import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export interface RunStats {
  seconds: number;
  /** User + system CPU of every process of the tree, as last sampled (each one's final
   *  sampling interval, at most 50 ms, is missed). */
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

/** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
const TICKS_PER_SECOND = 100;

/** A process's resident memory and its CPU time so far (all its threads, user + system). */
function usage(pid: number): { rssBytes: number; cpuSeconds: number } | undefined {
  try {
    // The fields after the command name (which may hold spaces); utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const rss = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return { rssBytes: rss ? Number(rss[1]) * 1024 : 0, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined; // the process ended between two reads
  }
}

/** Samples the tree below `root`: its total resident memory now, and each process's CPU. */
function sampleTree(root: number, cpuByPid: Map<number, number>): number {
  let rss = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const now = usage(pid);
    if (now) {
      rss += now.rssBytes;
      cpuByPid.set(pid, now.cpuSeconds);
    }
    queue.push(...children(pid));
  }
  return rss;
}

/** Runs a command to completion; rejects with its output if it fails. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<RunStats> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const cpuByPid = new Map<number, number>();
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, sampleTree(child.pid!, cpuByPid));
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
      if (code === 0) resolve({ seconds, cpuSeconds: [...cpuByPid.values()].reduce((sum, cpu) => sum + cpu, 0), peakRssBytes: peak, stdout });
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${stdout}\n${stderr}`));
    });
  });
}
