// How every command meets the person who ran it: arguments parsed strictly (an unknown
// option is refused, with the usage), bad input told in one line, and an unexpected error
// in one line too: its stack only with --debug, which every command takes.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { ContentError, formatProblem } from "../model/problems.ts";

/** Input the person can fix, such as a path that does not exist: its message is all they see. */
export class InputError extends Error {
  override name = "InputError";
}

export type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T & { strict: true }>>;

const DEBUG = "--debug";

/** The error's stack and those of the errors it wraps. */
function stacks(error: unknown): string[] {
  const lines: string[] = [];
  for (let e = error; e !== undefined; e = e instanceof Error ? e.cause : undefined) {
    lines.push(`${lines.length ? "Caused by: " : ""}${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return lines;
}

/** What to print for an error `main` threw. */
function failureLines(error: unknown, debug: boolean): string[] {
  // What went wrong outside the command (a host that cannot be reached) may still have a
  // stack worth seeing: its cause's.
  if (error instanceof InputError) return [error.message, ...(debug && error.cause ? stacks(error.cause) : [])];
  if (error instanceof ContentError) return error.problems.map(formatProblem);
  const code = (error as NodeJS.ErrnoException).code;
  const file = (error as NodeJS.ErrnoException).path;
  if (!debug && code === "ENOENT" && file) return [`${file}: no such file or folder`];
  if (debug) return stacks(error);
  const message = error instanceof Error ? error.message : String(error);
  return [`${message.split("\n")[0]} (run again with ${DEBUG} to see where)`];
}

/**
 * Runs a command: parses `argv` with `config` (strict; `--help` prints `usage`, `--debug`
 * is taken out first and handed to `main` as `debug`) and calls `main`, whose number, if
 * any, is the exit code. Whatever
 * `main` throws ends the command with exit code 1 and the lines of `failureLines`.
 */
export async function runCommand<T extends ParseArgsConfig>(
  usage: string,
  config: T,
  main: (parsed: Parsed<T>, run: { debug: boolean }) => Promise<number | void> | number | void,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const debug = argv.includes(DEBUG);
  const args = argv.filter((arg) => arg !== DEBUG);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`Usage: ${usage}`);
    return;
  }
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ ...config, args, strict: true }) as Parsed<T>;
  } catch (error) {
    if (!String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS_")) throw error;
    // Node's message goes on to explain `--`: its first sentence says what is wrong.
    console.error(`${(error as Error).message.split(/\.(?:\s|$)/)[0]}. Usage: ${usage}`);
    process.exit(1);
  }
  try {
    const code = await main(parsed, { debug });
    if (typeof code === "number") process.exitCode = code;
  } catch (error) {
    for (const line of failureLines(error, debug)) console.error(line);
    process.exit(1);
  }
}
