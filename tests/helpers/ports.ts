// A port for a test's own server. The preview refuses a port in use and never takes port 0
// (its pages name their port), so a test asks the system for one that is free right now.

import { createServer } from "node:net";

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
