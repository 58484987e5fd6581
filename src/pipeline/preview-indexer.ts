// The preview's search indexing, in a process of its own that preview-search.ts starts at
// low priority and kills when a save makes its work stale. It reads the articles itself, so
// the preview's own thread, which answers saves, never prepares a record; the indexes are
// written as a build writes them (one Pagefind process, one language after the other).

import type { BuildOptions } from "../config/build-options.ts";
import site from "../config/site.ts";
import { indexArticles } from "../features/search/indexer.ts";
import { loadPublication } from "../site/publication.ts";
import { errorLines } from "./errors.ts";

export interface IndexRequest {
  options: BuildOptions;
  /** Where to write the indexes: a fresh folder the preview moves into its site when done. */
  dir: string;
}

export type IndexReply = { counts: Record<string, number> } | { error: string };

const reply = (message: IndexReply) => process.send!(message, () => process.disconnect());

// Orphaned (the preview was killed), it has no one to write for.
process.on("disconnect", () => process.exit(0));
process.once("message", ({ options, dir }: IndexRequest) => {
  loadPublication(site, options)
    .then((publication) => indexArticles(publication.articles, dir, options.cacheDir))
    .then(
      (counts) => reply({ counts }),
      (error: unknown) => reply({ error: errorLines(error).join("\n") }),
    );
});
