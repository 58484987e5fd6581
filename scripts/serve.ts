// npm start [-- --port 8081]: the preview, drafts and scheduled articles included, served
// with live reload on http://localhost:8080/ (src/build/preview.ts).

import { parseArgs } from "node:util";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { startPreview } from "../src/build/preview.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });
const port = Number(values.port);
await startPreview(optionsFromEnv(process.env, site, { production: false, previewPort: port }), port);
