// npm start [-- --port 8081] [-- --cms git]: the preview, drafts and scheduled articles
// included, served with live reload on http://localhost:8080/ (src/build/preview.ts), with
// the CMS at /admin/ editing the working tree (src/editor/cms/local-backend.ts); `--cms git`
// makes each save a commit, on a branch of its own in the editorial workflow.

import { parseArgs } from "node:util";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { previewDir, startPreview } from "../src/build/preview.ts";
import { adminPage, localBackend } from "../src/editor/cms/local-backend.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, cms: { type: "string", default: "fs" } } });
const port = Number(values.port);
if (values.cms !== "fs" && values.cms !== "git") {
  console.error(`--cms ${values.cms}: the CMS's local backend is "fs" (the working tree, the default) or "git" (a commit per save)`);
  process.exit(1);
}
const options = optionsFromEnv(process.env, site, { production: false, previewPort: port });
const cms = await localBackend({ mode: values.cms, root: process.cwd(), articlesDir: options.articlesDir, columns: site.columns, pathPrefix: options.pathPrefix }).catch(
  (error: Error) => {
    console.error(error.message);
    return process.exit(1);
  },
);
await startPreview(options, port, [adminPage(previewDir(options), options.pathPrefix), cms]);
