// The process `npm start` leaves in the terminal's foreground. The preview restarts itself
// when its own code changes, and a process cannot reload its modules: so the preview runs in
// a child that exits with RESTART_EXIT_CODE to be started again, and this parent stays, so
// the terminal keeps one foreground job that Ctrl-C stops. Signals sent to the parent alone
// (`kill`, a process manager) are passed on to the child, and a child whose parent is gone
// (killed with SIGKILL, which cannot be passed on) stops too, so no preview is left holding
// the port with no one to stop it.

import { spawn, type ChildProcess } from "node:child_process";

/** How the child asks to be started again (EX_TEMPFAIL: "try again"). */
export const RESTART_EXIT_CODE = 75;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Set in the child's environment by the parent that supervises it: the command's edge
 *  (scripts/serve.ts) reads it to know which of the two it is. */
export const SUPERVISED_ENV = "QIAO_PREVIEW_CHILD";

/** In the supervised child: stop when the channel to the parent closes, the parent gone. */
export function stopWithParent(): void {
  process.on("disconnect", () => process.exit(0));
}

/** Runs `node <this process's flags> <args>` with `env` (and SUPERVISED_ENV set), again each
 *  time it exits with RESTART_EXIT_CODE; answers the exit code of its last run. */
export function superviseRestarts(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    let stopping = false;
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      child.kill(signal);
    };
    for (const signal of SIGNALS) process.on(signal, forward);
    const start = () => {
      child = spawn(process.execPath, [...process.execArgv, ...args], {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: { ...env, [SUPERVISED_ENV]: "1" },
      });
      child.on("exit", (code) => {
        if (code === RESTART_EXIT_CODE && !stopping) return start();
        for (const s of SIGNALS) process.off(s, forward);
        // Ended by a signal: ours when stopping, else someone else's.
        resolve(code ?? (stopping ? 0 : 1));
      });
    };
    start();
  });
}
