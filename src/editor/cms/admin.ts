// The CMS in the browser (/admin/): Decap's core with the backends and widgets articles need
// (not all of decap-cms-app, whose bundle alone is past the page's budget), our format, our
// widgets and preview, and the configuration the build wrote into the page (plugin.ts).
// bundle.ts makes one script of it all for the site.

import { DecapCmsCore as CMS } from "decap-cms-core";
import { GiteaBackend } from "decap-cms-backend-gitea";
import { GitHubBackend } from "decap-cms-backend-github";
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
import { formatProblem } from "../../model/problems.ts";
import { articleBaseName } from "../scaffold.ts";
import { fromFile, toFile, type EntryData } from "./article-format.ts";
import { COLLECTION, FILE_NAME_KEY, FORMAT, KEY_OPTION, widgetName, type DecapConfig, type DecapField } from "./config.ts";
import { problemsByField, type ProblemsByField } from "./field-problems.ts";
import { articlePreview } from "./preview.ts";
import { beijingDateControl, checked, type FieldCheck } from "./widgets.ts";

interface AdminData {
  config: DecapConfig;
  previewStyles: string[];
  columns: Parameters<typeof articlePreview>[0];
  defaults: Record<string, unknown>;
}

const data = JSON.parse(document.getElementById("cms-data")!.textContent!) as AdminData;
const collection = data.config.collections[0]!;

/** Every front-matter key a field edits, and the body. */
const fieldKeys = new Set<string>();
const collect = (fields: readonly DecapField[]) => fields.forEach((f) => (fieldKeys.add(f[KEY_OPTION]), f.fields && collect(f.fields)));
collect(collection.fields);

/** The file an entry is saved as, for messages: its own path, or where a new one goes. */
const fileOf = (entry: ImmutableMap<string, unknown>) => String(entry.get("path") ?? `${collection.folder}/new.md`);

/** What check says of the file the entry's data would be saved as; worked out once per
 *  version of the data (every field asks when the form is validated). */
let last: { data: unknown; problems: ProblemsByField } | undefined;
function problemsOf(entry: ImmutableMap<string, unknown>): ProblemsByField {
  const values = entry.get("data") as ImmutableMap<string, unknown>;
  if (last?.data !== values) {
    let problems: ProblemsByField;
    try {
      problems = problemsByField(toFile(values.toJS() as EntryData), fileOf(entry), data, fieldKeys);
    } catch (error) {
      // The file cannot be written at all (front matter too broken to edit in place).
      problems = new Map([["", [{ file: fileOf(entry), line: 1, col: 1, severity: "error", message: (error as Error).message }]]]);
    }
    last = { data: values, problems };
  }
  return last.problems;
}

const check: FieldCheck = (key, entry) => problemsOf(entry).get(key)?.map((p) => p.message).join("\n") || undefined;

CMS.registerCustomFormat(FORMAT, "md", { fromFile, toFile: (values) => toFile(values as EntryData) });

CMS.registerBackend("github", GitHubBackend);
CMS.registerBackend("gitlab", GitLabBackend);
CMS.registerBackend("gitea", GiteaBackend);
CMS.registerBackend("proxy", ProxyBackend);

const STOCK = { string: StringWidget, text: TextWidget, select: SelectWidget, boolean: BooleanWidget, list: ListWidget, object: ObjectWidget, image: ImageWidget };
for (const [base, widget] of Object.entries(STOCK)) {
  CMS.registerWidget({ ...widget.Widget(), name: widgetName(base), controlComponent: checked(widget.controlComponent, check) } as never);
}
CMS.registerWidget(widgetName("date"), beijingDateControl(check) as never);

CMS.registerLocale("en", en);
CMS.registerLocale("zh_Hans", zh_Hans);

for (const style of data.previewStyles) CMS.registerPreviewStyle(style);
CMS.registerPreviewTemplate(COLLECTION, articlePreview(data.columns, data.defaults) as never);

// Before a save: a new article gets the project's file name (YYYY-MM-DD-slug, Beijing day),
// and anything check still refuses (what no field shows, such as a file-wide problem) stops
// it here, with check's words, before anything is written.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const errors = [...problemsOf(entry).values()].flat();
    if (errors.length) throw new Error(errors.map(formatProblem).join("\n"));
    const values = entry.get("data") as ImmutableMap<string, unknown>;
    if (!entry.get("newRecord")) return values;
    const draft = values.toJS() as EntryData;
    const date = parseBeijingDate(draft.date ?? "");
    return values.set(FILE_NAME_KEY, articleBaseName(draft.title ?? {}, date instanceof Date ? date : new Date()));
  },
});

// The local backend answers at /admin/api/v1 on the preview's own address.
const config = data.config as DecapConfig & { local_backend?: { url: string } };
if (config.local_backend) config.local_backend = { url: new URL(config.local_backend.url, location.href).href };
CMS.init({ config: config as never });
