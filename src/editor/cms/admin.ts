// The CMS in the browser (/admin/): Decap's core with the backends and widgets articles need
// (not all of decap-cms-app, whose bundle alone is past the page's budget), our format, our
// widgets and preview, and the configuration the build wrote into the page (plugin.ts).
// bundle.ts makes one script of it all for the site.

import { DecapCmsCore as CMS } from "decap-cms-core";
import { GiteaBackend } from "decap-cms-backend-gitea";
import { GitLabBackend } from "decap-cms-backend-gitlab";
import { ProxyBackend } from "decap-cms-backend-proxy";
import BooleanWidget from "decap-cms-widget-boolean";
import ImageWidget from "decap-cms-widget-image";
import ListWidget from "decap-cms-widget-list";
import ObjectWidget from "decap-cms-widget-object";
import SelectWidget from "decap-cms-widget-select";
import StringWidget from "decap-cms-widget-string";
import TextWidget from "decap-cms-widget-text";
import { en, zh_Hans } from "decap-cms-locales";
import type { Map as ImmutableMap } from "immutable";
import { parseBeijingDate } from "../../model/dates.ts";
import { checkDraft, rowNotes, saveErrors, type CheckContext, type DraftProblem } from "../pairs/check-draft.ts";
import "../pairs/pair-editor.css";
import { articleBaseName } from "../scaffold.ts";
import { draftOf, fromFile, toFile, type EntryData } from "./article-format.ts";
import { COLLECTION, FILE_NAME_KEY, FORMAT, widgetName, type DecapConfig } from "./config.ts";
import type { AdminData } from "./plugin.ts";
import { articlePreview } from "./preview.ts";
import { GitHubWithTokenSignIn } from "./sign-in.ts";
import { beijingDateControl, checked, pairEditorControl, type FieldCheck } from "./widgets.ts";

const data = JSON.parse(document.getElementById("cms-data")!.textContent!) as AdminData;
const collection = data.config.collections[0]!;

/** A new article's file name, as `npm run new` names it: the Beijing day of its date and its
 *  headline (YYYY-MM-DD-slug, a Chinese headline kept Chinese). */
function newFileName(values: EntryData): string {
  const date = parseBeijingDate(values.date ?? "");
  return articleBaseName(values.title ?? {}, date instanceof Date ? date : new Date());
}

const valuesOf = (entry: ImmutableMap<string, unknown>) => (entry.get("data") as ImmutableMap<string, unknown>).toJS() as EntryData;

/** What `npm run check` would say of the file an entry's data would be saved as, by the name
 *  it will have (its slug is checked too); images are not looked for: the browser cannot see
 *  the disk, the local backend does. */
const contextOf = (entry: ImmutableMap<string, unknown>): CheckContext => ({
  file: entry.get("newRecord") ? `${collection.folder}/${newFileName(valuesOf(entry))}.md` : String(entry.get("path")),
  columns: data.columns,
  defaults: data.defaults,
});

/** Worked out once per version of the entry's data: every field asks when the form is
 *  validated. */
let last: { values: unknown; problems: DraftProblem[] } | undefined;
function problemsOf(entry: ImmutableMap<string, unknown>): DraftProblem[] {
  const values = entry.get("data") as ImmutableMap<string, unknown>;
  if (last?.values !== values) last = { values, problems: checkDraft(draftOf(valuesOf(entry)), contextOf(entry)) };
  return last.problems;
}

/** The field a problem is shown beside: its front-matter key, the body (its rows too), or
 *  "" for the file as a whole, which no field shows (the save is refused with it). */
const fieldOf = (problem: DraftProblem) => ("field" in problem.target ? problem.target.field : "file" in problem.target ? "" : "body");

const check: FieldCheck = (key, entry) =>
  saveErrors(problemsOf(entry))
    .filter((p) => fieldOf(p) === key)
    .map((p) => p.message)
    .join("\n") || undefined;

/** The body's notes for the pair editor, as the editor types: the entry's fields as they are,
 *  with the body it is showing. */
const notes = (entry: ImmutableMap<string, unknown>, body: string) =>
  rowNotes(checkDraft({ ...draftOf(valuesOf(entry)), body }, contextOf(entry)));

CMS.registerCustomFormat(FORMAT, "md", { fromFile, toFile: (values) => toFile(values as EntryData) });

CMS.registerBackend("github", GitHubWithTokenSignIn);
CMS.registerBackend("gitlab", GitLabBackend);
CMS.registerBackend("gitea", GiteaBackend);
CMS.registerBackend("proxy", ProxyBackend);

const STOCK = { string: StringWidget, text: TextWidget, select: SelectWidget, boolean: BooleanWidget, list: ListWidget, object: ObjectWidget, image: ImageWidget };
for (const [base, widget] of Object.entries(STOCK)) {
  CMS.registerWidget({ ...widget.Widget(), name: widgetName(base), controlComponent: checked(widget.controlComponent, check, data.pathPrefix) } as never);
}
CMS.registerWidget(widgetName("date"), beijingDateControl(check) as never);
CMS.registerWidget(widgetName("pairs"), pairEditorControl(check, notes, data.config.locale === "zh_Hans" ? "zh" : "en") as never);

CMS.registerLocale("en", en);
CMS.registerLocale("zh_Hans", zh_Hans);

for (const style of data.previewStyles) CMS.registerPreviewStyle(style);
CMS.registerPreviewTemplate(COLLECTION, articlePreview(data) as never);

// Before a save: a new article gets the project's file name (YYYY-MM-DD-slug, Beijing day),
// and anything check still refuses (what no field shows, such as a file-wide problem) stops
// it here, with check's words, before anything is written.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const { file } = contextOf(entry);
    const errors = saveErrors(problemsOf(entry));
    if (errors.length) throw new Error(errors.map((p) => `${file}:${p.line} ${p.message}`).join("\n"));
    const values = entry.get("data") as ImmutableMap<string, unknown>;
    return entry.get("newRecord") ? values.set(FILE_NAME_KEY, newFileName(valuesOf(entry))) : values;
  },
});

// The local backend answers at /admin/api/v1 on the preview's own address, and the preview
// is the site the CMS links to.
const config = data.config as DecapConfig & { local_backend?: { url: string } };
const here = (url: string) => new URL(url, location.href).href;
if (config.local_backend) config.local_backend = { url: here(config.local_backend.url) };
config.site_url = config.display_url = here(config.site_url);
CMS.init({ config: config as never });
