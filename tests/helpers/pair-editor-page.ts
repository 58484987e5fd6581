// The pair editor on a page of its own, without the CMS: what tests/pair-editor.test.ts
// bundles for Chromium. An article file in, the editor on its body; every change the editor
// reports is kept, with the file a save would write.

import site from "../../src/config/site.ts";
import { readArticleFile, writeArticleFile } from "../../src/editor/pairs/article-draft.ts";
import { checkDraft, rowNotes } from "../../src/editor/pairs/check-draft.ts";
import { mountPairEditor, type PairEditorHandle } from "../../src/editor/pairs/pair-editor.ts";

declare global {
  interface Window {
    startEditor(file: string, lang?: "en" | "zh"): void;
    editor: PairEditorHandle;
    /** Every value onChange was called with, in order. */
    changes: string[];
    /** The file a save would write now. */
    file: string;
  }
}

window.startEditor = (file, lang) => {
  const draft = readArticleFile(file);
  const context = { file: "articles/2026-12-01-test.md", columns: site.columns, defaults: { source: "郑州之窗" } };
  window.changes = [];
  window.file = file;
  window.editor = mountPairEditor(document.querySelector<HTMLElement>("#host")!, {
    value: draft.body,
    lang,
    onChange(body) {
      window.changes.push(body);
      window.file = writeArticleFile({ ...draft, body });
    },
    notes: (body) => rowNotes(checkDraft({ ...draft, body }, context)),
  });
};
