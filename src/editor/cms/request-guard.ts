// Who may talk to the local backend: it writes into the editor's working tree, so only this
// machine, and only the preview's own pages. The preview server listens on every interface
// (the site is meant to be seen from a phone on the desk), and a browser's CORS rule does not
// stop a `curl` from the next desk; nor does it stop a page of another site, or one reached
// through a DNS name that an attacker points at 127.0.0.1 (DNS rebinding), from sending a
// request the server then carries out. So the guard looks at where a request comes from (the
// socket's remote address, and whether a proxy or tunnel relayed it: ngrok, cloudflared and
// their kind connect from this machine but say whom they relay) and whom it names (Host,
// Origin, Sec-Fetch-Site).

import { isIP } from "node:net";

/** Whether an address (as a socket reports it) is this machine's loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}

/** The host names a request to this machine's loopback may use. */
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether `host` (a Host header, or an origin's host) names the loopback at `port`. */
function isOwnHost(host: string, port: number): boolean {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  return match !== null && LOOPBACK_NAMES.has(match[1]!) && Number(match[2] ?? 80) === port;
}

export interface RequestFacts {
  remoteAddress: string | undefined;
  /** The port the request came in on. */
  localPort: number | undefined;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** X-Forwarded-For or Forwarded: set by a proxy or tunnel that relays the request. */
  forwardedFor: string | undefined;
}

/** Why a request may not reach the local backend, or undefined when it may. */
export function refusal(request: RequestFacts): string | undefined {
  if (!isLoopback(request.remoteAddress)) return `the local backend answers this machine only, not ${request.remoteAddress ?? "an unknown address"}`;
  if (request.forwardedFor !== undefined) return `the local backend answers this machine only, not a request relayed for ${request.forwardedFor}`;
  const port = request.localPort ?? 0;
  if (!request.host || !isOwnHost(request.host, port)) return `the local backend answers requests to localhost:${port} only, not to ${request.host ?? "no host"}`;
  if (request.origin !== undefined) {
    let origin: URL | undefined;
    try {
      origin = new URL(request.origin);
    } catch {
      origin = undefined;
    }
    if (!origin || origin.protocol !== "http:" || !isOwnHost(origin.host, port)) return `the local backend answers the preview's own pages only, not ${request.origin}`;
  }
  // Sent by browsers even where Origin is not: a page of another site never gets through.
  if (request.secFetchSite !== undefined && !["same-origin", "none"].includes(request.secFetchSite)) {
    return `the local backend answers the preview's own pages only (Sec-Fetch-Site: ${request.secFetchSite})`;
  }
  return undefined;
}
