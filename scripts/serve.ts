// npm start [-- --port 8081]: the preview, drafts and scheduled articles included, served
// with live reload on http://localhost:8080/ (src/pipeline/preview.ts). It runs in a child
// process this one starts again when the code changes (src/pipeline/supervise.ts), so the
// command stays in the terminal's foreground and Ctrl-C stops it. A port in use is an error,
// never a quiet move to another: the preview's links name the port.

import { InputError, runCommand } from "../src/cli/command.ts";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { checkPort, PortTaken } from "../src/pipeline/port.ts";
import { startPreview } from "../src/pipeline/preview.ts";
import { superviseRestarts } from "../src/pipeline/supervise.ts";

const USAGE = "npm start [-- --port 8080] [--debug]";
/** Set in the child's environment by the parent that supervises it. */
const CHILD = "QIAO_PREVIEW_CHILD";

await runCommand(USAGE, { options: { port: { type: "string", default: "8080" } } }, async ({ values }) => {
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new InputError(`--port ${values.port}: give a port number from 1 to 65535`);
  if (!process.env[CHILD]) return superviseRestarts(process.argv.slice(1), { ...process.env, [CHILD]: "1" });
  try {
    await checkPort(port);
    await startPreview(optionsFromEnv(process.env, site, { production: false, previewPort: port }), port);
  } catch (error) {
    throw error instanceof PortTaken ? new InputError(error.message) : error;
  }
});
