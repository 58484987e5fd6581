// Entry of the search indexing worker: a worker thread does not inherit this process's
// TypeScript loader, so it registers tsx itself before loading the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
