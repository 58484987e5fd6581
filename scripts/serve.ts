// npm start [-- --port 8081] [-- --cms git]: the preview, drafts and scheduled articles
// included, served with live reload on http://localhost:8080/ (src/pipeline/preview.ts), with
// the CMS at /admin/ editing the working tree (src/editor/cms/local-backend.ts); `--cms git`
// makes each save a commit, on a branch of its own in the editorial workflow. It runs in a
// child process this one starts again when the code changes (src/pipeline/supervise.ts), so
// the command stays in the terminal's foreground and Ctrl-C stops it. A port in use is an
// error, never a quiet move to another: the preview's links name the port.

import { InputError, runCommand } from "../src/cli/command.ts";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { adminPage, localBackend } from "../src/editor/cms/local-backend.ts";
import { checkPort, PortTaken } from "../src/pipeline/port.ts";
import { previewDir, startPreview } from "../src/pipeline/preview.ts";
import { stopWithParent, SUPERVISED_ENV, superviseRestarts } from "../src/pipeline/supervise.ts";

const USAGE = "npm start [-- --port 8080] [--cms fs|git] [--debug]";
const OPTIONS = { options: { port: { type: "string", default: "8080" }, cms: { type: "string", default: "fs" } } } as const;

await runCommand(USAGE, OPTIONS, async ({ values }) => {
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new InputError(`--port ${values.port}: give a port number from 1 to 65535`);
  if (values.cms !== "fs" && values.cms !== "git") {
    throw new InputError(`--cms ${values.cms}: the CMS's local backend is "fs" (the working tree, the default) or "git" (a commit per save)`);
  }
  if (!process.env[SUPERVISED_ENV]) return superviseRestarts(process.argv.slice(1), process.env);
  stopWithParent();
  const options = optionsFromEnv(process.env, site, { production: false, previewPort: port });
  try {
    await checkPort(port);
    const cms = await localBackend({ mode: values.cms, root: process.cwd(), articlesDir: options.articlesDir, columns: site.columns, pathPrefix: options.pathPrefix }).catch(
      (error: Error) => Promise.reject(new InputError(error.message)),
    );
    await startPreview(options, port, [adminPage(previewDir(options), options.pathPrefix), cms]);
  } catch (error) {
    throw error instanceof PortTaken ? new InputError(error.message) : error;
  }
});
