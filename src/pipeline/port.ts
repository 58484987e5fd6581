// Whether the preview can have the port it was asked for. The dev server would quietly take
// the next free one, but the preview's pages link to themselves (canonical links, QR codes,
// feeds) by the port it was asked for: on another port every such link would lead to
// whatever holds that one. So the preview takes its port or stops and says which is free.

import { createServer } from "node:net";

/** Whether something listens on `port` (probed as the dev server listens: every interface). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(true) : reject(error)));
    probe.listen({ port }, () => probe.close(() => resolve(false)));
  });
}

/** What to tell someone whose port is taken: the next free port to try, if one is near. */
export async function portTakenMessage(port: number): Promise<string> {
  for (let next = port + 1; next <= Math.min(port + 20, 65535); next++) {
    if (!(await portInUse(next))) return `port ${port} is in use; try --port ${next}`;
  }
  return `port ${port} is in use, and so are the ${Math.min(20, 65535 - port)} after it: pick another with --port`;
}

/** The preview cannot have its port; the message says which to try. */
export class PortTaken extends Error {
  override name = "PortTaken";
}

/** Throws PortTaken when `port` is in use. */
export async function checkPort(port: number): Promise<void> {
  if (await portInUse(port)) throw new PortTaken(await portTakenMessage(port));
}
