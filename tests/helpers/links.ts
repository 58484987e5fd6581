// Does every internal reference in a built site resolve? Pure: it is handed the site's file
// list and page texts (see readSite in site-snapshot.ts) and returns what is broken, so a test
// can feed it a deliberately broken site and see it fail.
//
// A reference is internal when it resolves to the site's own origin and path prefix
// (relative and root-relative URLs always do; absolute ones such as canonical links and
// og:image when they name the site). It resolves when the file exists (a URL ending in "/"
// means its index.html) and, for a #fragment on a page, when that page has the id.

import { parseHTML } from "linkedom";

export interface SiteSnapshot {
  /** Every file in the output, as site paths: "/news/index.html", "/assets/site.css". */
  files: ReadonlySet<string>;
  /** The HTML of every page, by site path. */
  pages: ReadonlyMap<string, string>;
}

export interface BrokenReference {
  /** The page that holds the reference, as a site path. */
  page: string;
  /** The attribute it is in, such as "a href" or "img srcset". */
  attribute: string;
  url: string;
  reason: string;
}

// Attributes that hold one URL, and those that hold a srcset list of them.
const URL_ATTRIBUTES = ["href", "src", "poster", "action", "formaction", "data", "cite", "xlink:href"];
const SRCSET_ATTRIBUTES = ["srcset", "imagesrcset"];

type Element = ReturnType<ReturnType<typeof parseHTML>["document"]["querySelectorAll"]>[number];

/** The URLs of a srcset: each candidate is a URL, then optional descriptors. */
function srcsetUrls(value: string): string[] {
  return value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);
}

function references(element: Element, siteRoot: URL): Array<{ attribute: string; url: string }> {
  const tag = element.localName;
  const found: Array<{ attribute: string; url: string }> = [];
  for (const name of URL_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) found.push({ attribute: `${tag} ${name}`, url: value.trim() });
  }
  for (const name of SRCSET_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) found.push(...srcsetUrls(value).map((url) => ({ attribute: `${tag} ${name}`, url })));
  }
  // <meta content> holds free text; it is a reference only when it names this site.
  const content = element.getAttribute("content");
  if (tag === "meta" && content?.startsWith(siteRoot.href)) found.push({ attribute: "meta content", url: content });
  return found;
}

/** Every broken internal reference in the site. `siteRoot` is the site URL with its path
 *  prefix ("https://news.example.org/" or "https://example.org/qiao/"). */
export function brokenReferences(site: SiteSnapshot, siteRoot: string): BrokenReference[] {
  const root = new URL(siteRoot);
  const documents = new Map<string, ReturnType<typeof parseHTML>["document"]>();
  const documentOf = (page: string) => {
    let doc = documents.get(page);
    if (!doc) documents.set(page, (doc = parseHTML(site.pages.get(page)!).document));
    return doc;
  };
  const hasAnchor = (page: string, id: string) => {
    const doc = documentOf(page);
    return doc.getElementById(id) !== null || [...doc.querySelectorAll("a[name]")].some((a) => a.getAttribute("name") === id);
  };

  /** Why `raw` on `page` does not resolve, or undefined when it does or is not ours. */
  function problem(page: string, raw: string): string | undefined {
    let url: URL;
    let target: string;
    let fragment: string;
    try {
      url = new URL(raw, new URL(page.slice(1), root));
      if (url.protocol !== "http:" && url.protocol !== "https:") return undefined; // mailto:, tel:...
      if (url.origin !== root.origin) return undefined;
      if (!url.pathname.startsWith(root.pathname)) return `outside the site's path ${root.pathname}`;
      const sitePath = `/${decodeURIComponent(url.pathname.slice(root.pathname.length))}`;
      target = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      return "not a valid URL";
    }
    if (!site.files.has(target)) return `no file ${target}`;
    if (fragment && site.pages.has(target) && !hasAnchor(target, fragment)) return `no element with id "${fragment}" on ${target}`;
    return undefined;
  }

  const broken: BrokenReference[] = [];
  for (const page of [...site.pages.keys()].sort()) {
    for (const element of documentOf(page).querySelectorAll("*")) {
      for (const { attribute, url } of references(element, root)) {
        const reason = problem(page, url);
        if (reason) broken.push({ page, attribute, url, reason });
      }
    }
  }
  return broken;
}
