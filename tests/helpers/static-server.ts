// A tiny static file server for the browser tests and the benchmark: serves one folder the
// way a static host would (index.html for a folder, real content types, /404.html for what
// is missing) on 127.0.0.1 at a random port. Its socket does not keep the process alive.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createGzip } from "node:zlib";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's index files (wasm.en.pagefind, *.pf_meta, *.pf_index, *.pf_fragment).
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
};

export interface StaticServer {
  /** The server's origin, such as "http://127.0.0.1:40123". */
  url: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** Types a static host compresses (pictures and index chunks are compressed already). */
const COMPRESSED = /^(?:text\/|application\/(?:json|xml|wasm)|image\/svg)/;

function send(res: ServerResponse, status: number, file: string, headOnly: boolean, gzip: boolean) {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  const compress = gzip && COMPRESSED.test(type);
  res.writeHead(status, { "content-type": type, ...(compress ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}) });
  if (headOnly) res.end();
  else if (compress) createReadStream(file).pipe(createGzip({ level: 9 })).pipe(res);
  else createReadStream(file).pipe(res);
}

export interface ServeOptions {
  /** Told of every file served whole (a GET answered 200), by its path on the site. */
  onServed?: (sitePath: string, file: string) => void;
  /** Compress text for a browser that accepts it, as most static hosts do (what a page
   *  costs to load is measured so). */
  gzip?: boolean;
}

export async function serveFolder(root: string, { onServed, gzip = false }: ServeOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const headOnly = req.method === "HEAD";
    if (req.method !== "GET" && !headOnly) {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    let file: string;
    try {
      file = path.join(base, decodeURIComponent(pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== base && !file.startsWith(`${base}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith("/")) file = path.join(file, "index.html");
    else if ((await stat(file).catch(() => undefined))?.isDirectory()) {
      // As static hosts do: /news -> /news/, so relative links resolve as on the real site.
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const compress = gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (await isFile(file)) {
      if (!headOnly) onServed?.(pathname, file);
      return send(res, 200, file, headOnly, compress);
    }
    const notFound = path.join(base, "404.html");
    if (await isFile(notFound)) return send(res, 404, notFound, headOnly, compress);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
