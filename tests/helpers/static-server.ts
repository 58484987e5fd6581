// A static file server over a built site, on a random loopback port, as a static host would
// serve it: index.html for folders, real content types, /404.html for what is missing.

import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const file = path.join(root, path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ""));
  if (!file.startsWith(root)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return fileFor(root, path.posix.join(urlPath, "index.html"));
  return info?.isFile() ? file : undefined;
}

/** Serves `root` under `prefix` (a sub-path deploy serves the site at /qiao/, say). */
export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const inside = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : undefined;
    const file = inside === undefined ? undefined : await fileFor(root, inside);
    const target = file ?? (await fileFor(root, "/404.html"));
    res.statusCode = file ? 200 : 404;
    res.setHeader("Content-Type", TYPES[path.extname(target ?? ".txt")] ?? "application/octet-stream");
    res.end(target ? await readFile(target) : "Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
