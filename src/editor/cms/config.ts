// Decap's configuration, made at build time from src/config/ and the model's own schema: one
// form field per front-matter key (src/model/front-matter.ts), in the schema's order, with
// the widget its type calls for, labels in both languages (src/config/ui.ts) and the columns
// of src/config/site.ts as a choice. The rules themselves are not copied into Decap's terms:
// every field asks the model (../pairs/check-draft.ts, from admin.ts), so the CMS refuses
// what `npm run check` refuses, with its words.

import { z } from "zod";
import type { CmsSettings } from "../../config/cms.ts";
import type { SiteConfig } from "../../config/site.ts";
import { bothLanguages as label, type UiStrings } from "../../config/ui.ts";
import { frontMatterSchema } from "../../model/front-matter.ts";

/** The collection's one name, in Decap's URLs (/admin/#/collections/articles). */
export const COLLECTION = "articles";
/** Our custom format (article-format.ts) and the widgets we register (admin.ts). */
export const FORMAT = "qiao-article";
/** The data key the file name is put in before a save (`{{fields.…}}` in the slug
 *  template); it is not written. */
export const FILE_NAME_KEY = "qiao_file_name";
/** The front-matter key a field edits ("title.en"), on every field: Decap tells a widget its
 *  field, not where the field sits. */
export const KEY_OPTION = "front_matter_key";
/** Where images go, in the repository and on the site. */
export const MEDIA = { folder: "assets/images", public: "/assets/images" };


/** Per front-matter key: its label and hint, and the widget when its type alone does not say. */
const PRESENTATION: Record<string, { label: keyof UiStrings; hint?: keyof UiStrings; widget?: string }> = {
  title: { label: "cmsTitle" },
  "title.en": { label: "cmsTitleEn" },
  "title.zh": { label: "cmsTitleZh" },
  kicker: { label: "cmsKicker" },
  column: { label: "cmsColumn", widget: "select" },
  date: { label: "cmsDate", hint: "cmsDateHint", widget: "date" },
  source: { label: "cmsSource", hint: "cmsSourceHint" },
  credits: { label: "cmsCredits" },
  tags: { label: "cmsTags", hint: "cmsTagsHint" },
  summary: { label: "cmsSummary" },
  "summary.en": { label: "cmsSummaryEn", widget: "text" },
  "summary.zh": { label: "cmsSummaryZh", widget: "text" },
  image: { label: "cmsImage" },
  "image.src": { label: "cmsImageSrc", widget: "image" },
  "image.alt": { label: "cmsImageAlt" },
  "image.caption": { label: "cmsImageCaption" },
  draft: { label: "cmsDraft" },
  slug: { label: "cmsSlug", hint: "cmsSlugHint" },
};

/** Our name for a widget: each of Decap's stock widgets wrapped so that it asks the model
 *  (widgets.ts, registered in admin.ts), the date (Beijing time) and the body (the pair
 *  editor). */
export const widgetName = (base: string) => `qiao-${base}`;

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  fields?: DecapField[];
  options?: { label: string; value: string }[];
  [KEY_OPTION]: string;
  [option: string]: unknown;
}

function widgetOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodObject) return "object";
  if (schema instanceof z.ZodArray) return "list";
  if (schema instanceof z.ZodBoolean) return "boolean";
  return "string";
}

/** What a field holds once `.optional()` and `.default()` are taken off. */
function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrapped(schema.unwrap() as z.ZodType) : schema;
}

function fieldsOf(shape: Record<string, z.ZodType>, site: SiteConfig, defaults: Record<string, unknown>, parent = ""): DecapField[] {
  return Object.entries(shape).map(([name, schema]) => {
    const key = parent ? `${parent}.${name}` : name;
    const shown = PRESENTATION[key];
    if (!shown) throw new Error(`The CMS has no label for the front-matter key "${key}": add it to PRESENTATION in src/editor/cms/config.ts`);
    const inner = unwrapped(schema);
    const field: DecapField = {
      name,
      label: label(shown.label),
      widget: widgetName(shown.widget ?? widgetOf(inner)),
      // A key the folder defaults fill (source) may be left empty.
      required: !schema.isOptional() && !(key in defaults),
      [KEY_OPTION]: key,
      ...(shown.hint ? { hint: label(shown.hint) } : {}),
    };
    if (inner instanceof z.ZodObject) field.fields = fieldsOf(inner.shape as Record<string, z.ZodType>, site, {}, key);
    if (key === "column") field.options = Object.entries(site.columns).map(([value, names]) => ({ value, label: `${names.en} · ${names.zh}` }));
    if (inner instanceof z.ZodObject) field.collapsed = false;
    if (key === "image.src") Object.assign(field, { choose_url: false, media_library: { allow_multiple: false } });
    return field;
  });
}

/** The body's field: the pair editor. */
const BODY_FIELD: DecapField = { name: "body", label: label("cmsBody"), widget: widgetName("pairs"), required: true, [KEY_OPTION]: "body" };

export interface ConfigInput {
  site: SiteConfig;
  cms: CmsSettings;
  /** The folder articles live in, relative to the repository. */
  articlesDir: string;
  /** articles/articles.json: values for keys an article leaves out. */
  defaults: Record<string, unknown>;
  /** Under `npm start`: edit the working tree through the preview's own backend. */
  localBackend: boolean;
  /** Where the site lives, for Decap's links to it: absolute, or a path from the page's own
   *  address. */
  siteUrl: string;
}

/** The path, under /admin/, of the local backend's API (decap-server's /api/v1). */
export const LOCAL_API_PATH = "api/v1";

/** Decap's configuration object, as `CMS.init({ config })` takes it. */
export function decapConfig({ site, cms, articlesDir, defaults, localBackend, siteUrl }: ConfigInput) {
  const { backend } = cms;
  return {
    load_config_file: false,
    backend: {
      name: backend.name,
      repo: backend.repo,
      branch: backend.branch,
      ...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
      ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
      ...(backend.apiRoot ? { api_root: backend.apiRoot } : {}),
      ...(backend.appId ? { app_id: backend.appId } : {}),
      ...(backend.authType ? { auth_type: backend.authType } : {}),
    },
    // Relative here; admin.ts makes it absolute against the page's own address.
    ...(localBackend ? { local_backend: { url: LOCAL_API_PATH } } : {}),
    publish_mode: cms.publishMode,
    locale: cms.locale,
    site_url: siteUrl,
    display_url: siteUrl,
    media_folder: MEDIA.folder,
    public_folder: MEDIA.public,
    // Decap cleans the file name we give it (slug template below); keep Han characters.
    slug: { encoding: "unicode", clean_accents: false, sanitize_replacement: "-" },
    collections: [
      {
        name: COLLECTION,
        label: label("cmsArticles"),
        label_singular: label("cmsArticle"),
        folder: articlesDir.replace(/\\/g, "/").replace(/\/+$/, ""),
        extension: "md",
        format: FORMAT,
        create: true,
        // The file name is the project's (YYYY-MM-DD-slug, Beijing day, CJK-kept slug), made
        // by the same code as `npm run new` just before a save (admin.ts).
        identifier_field: FILE_NAME_KEY,
        slug: `{{fields.${FILE_NAME_KEY}}}`,
        summary: "{{title.en}} {{title.zh}}",
        sortable_fields: ["date", "title.en", "title.zh"],
        fields: [...fieldsOf(frontMatterSchema.shape as unknown as Record<string, z.ZodType>, site, defaults), BODY_FIELD],
      },
    ],
  };
}

export type DecapConfig = ReturnType<typeof decapConfig>;

/** Decap's defaults where a backend setting is left out: whose API the page talks to. */
const DEFAULT_HOSTS: Record<CmsSettings["backend"]["name"], { api: string; base?: string }> = {
  github: { api: "https://api.github.com" },
  gitlab: { api: "https://gitlab.com/api/v4", base: "https://gitlab.com" },
  gitea: { api: "https://try.gitea.io/api/v1", base: "https://try.gitea.io" },
};

/**
 * The admin page's Content-Security-Policy: what Decap needs and nothing more. Its code comes
 * from the site alone, but Decap validates its configuration with ajv, which compiles each
 * schema into a function at run time ('unsafe-eval'); it talks to the site (the local backend)
 * or to the git host's API (and, for PKCE, the host's token endpoint); emotion, which styles
 * Decap, writes <style> elements at run time; media being uploaded show from blob: URLs.
 */
export function adminPolicy(cms: CmsSettings, localBackend: boolean): string {
  const { backend } = cms;
  const hosts = DEFAULT_HOSTS[backend.name];
  const remote = localBackend ? [] : [backend.apiRoot ?? hosts.api, ...(backend.baseUrl ?? hosts.base ? [backend.baseUrl ?? hosts.base!] : [])];
  const connect = ["'self'", ...new Set(remote.map((url) => new URL(url).origin))];
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
