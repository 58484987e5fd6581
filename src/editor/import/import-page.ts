// One dump through the whole import: its bytes in, what the report says of it out, and the
// article file to write, if any. Pure: the caller reads the dump, says what file is already
// there, and writes.

import path from "node:path";
import type { Column } from "../../config/site.ts";
import { parseArticle } from "../../model/article.ts";
import { decodeUtf8, invalidUtf8Message } from "../../model/utf8.ts";
import { articleBaseName } from "../scaffold.ts";
import { importedArticleText, importedFrom, sameArticle } from "./article-file.ts";
import { parseChannelDump, type DumpContext } from "./channel-dump.ts";
import { claimFileName, type Claims } from "./file-names.ts";
import { checkWarningKind, type PageResult } from "./report.ts";

export interface ImportRun {
  dump: DumpContext;
  column: string;
  columns: Record<string, Column>;
  /** The article folder's defaults (articles.json): an import must pass the check there. */
  defaults: Record<string, unknown>;
  /** Where article files go. */
  out: string;
  /** The date of drafts: dumps with no date at all. */
  now: Date;
  /** Overwrite an article this page became in an earlier run (never another's). */
  force: boolean;
  claims: Claims;
  /** The text of the article file already at `file`, if there is one. */
  existing: (file: string) => string | undefined;
}

export function importPage(input: string, fileName: string, bytes: Uint8Array, run: ImportRun): { result: PageResult; write?: { file: string; text: string } } {
  const page = { input, needsDate: false, captionsWithoutPicture: 0, blocks: [], warnings: [] };
  const decoded = decodeUtf8(bytes);
  if ("invalid" in decoded) {
    const { line, col } = decoded.invalid;
    return { result: { ...page, status: "failed", reason: `${invalidUtf8Message(decoded.invalid)} (line ${line}, column ${col})` } };
  }
  const imported = parseChannelDump(decoded.text, { ...run.dump, fileName });
  const text = importedArticleText(imported, run.column, run.now);
  const base = articleBaseName(imported.title, imported.date ?? run.now);

  // Never write an article the build would refuse. (The suffix a name may get changes nothing
  // the check looks at.)
  const { article, problems } = parseArticle(text, path.join(run.out, `${base}.md`), { columns: run.columns, defaults: run.defaults });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length || !article) return { result: { ...page, status: "failed", reason: errors.map((p) => p.message).join("; ") } };
  const pageOf = (name: string) => {
    const existing = run.existing(path.join(run.out, name));
    return existing === undefined ? undefined : importedFrom(existing);
  };
  const heldByOtherPage = (name: string) => (pageOf(name) ?? imported.page) !== imported.page;
  const claim = claimFileName(base, text, input, run.claims, heldByOtherPage);
  if ("sameAs" in claim) return { result: { ...page, status: "duplicate", reason: claim.sameAs } };

  const file = path.join(run.out, claim.name);
  const result: PageResult = {
    input,
    file,
    status: "imported",
    needsDate: imported.date === undefined,
    captionsWithoutPicture: article.warnings.filter((w) => w.kind === "caption-without-picture").length,
    blocks: imported.blocks,
    warnings: [
      ...imported.warnings,
      ...problems.map((p) => ({ kind: checkWarningKind(p.message), message: `line ${p.line} of the article: ${p.message}` })),
    ],
  };
  const existing = run.existing(file);
  if (existing === undefined) return { result, write: { file, text } };
  if (sameArticle(existing, text)) return { result: { ...result, status: "unchanged" } };
  // Only the article this very page became is ever overwritten, and only when asked.
  if (importedFrom(existing) === undefined) {
    return { result: { ...result, status: "failed", reason: `${file} exists and does not say it was imported from this page (written by hand, or imported before imports named their page): it is left as it is; move or delete it to import this page again` } };
  }
  if (!run.force) return { result: { ...result, status: "failed", reason: `${file} exists (use --force to overwrite)` } };
  return { result, write: { file, text } };
}
