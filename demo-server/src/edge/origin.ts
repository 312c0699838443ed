import type { IncomingMessage } from 'node:http';

/**
 * Who may act. A browser always says where a request comes from (`Origin`, and `Sec-Fetch-Site` in
 * current browsers), and no page can forge either; so any page on any site the speaker has open may
 * send requests here, but only the deck's own pages are let through. Programs (curl, scripts, the
 * benchmark, the tests) send neither header: they are let in when they run on this machine.
 */
export type OriginVerdict = { allowed: true } | { allowed: false; why: string };

const allowed: OriginVerdict = { allowed: true };

/** Whether an `Origin` names the very host the request was sent to (same scheme-less host and port). */
export function originMatchesHost(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
}

export function isLoopbackPeer(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function single(req: IncomingMessage, name: 'origin' | 'sec-fetch-site'): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** For a request that changes something (POST, PUT, DELETE, ...): same origin, or a program on this machine. */
export function stateChangeVerdict(req: IncomingMessage): OriginVerdict {
  const origin = single(req, 'origin');
  const site = single(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') {
    return { allowed: false, why: `the browser says this request comes from another site (Sec-Fetch-Site: ${site.slice(0, 40)})` };
  }
  if (origin !== undefined) {
    return originMatchesHost(origin, req.headers.host)
      ? allowed
      : { allowed: false, why: `it comes from a page of ${origin.slice(0, 100)}, not from the deck this server serves` };
  }
  if (site === 'same-origin' || isLoopbackPeer(req)) return allowed;
  return { allowed: false, why: 'it names no Origin and does not come from this machine' };
}

/**
 * For a WebSocket handshake: browsers always send `Origin` there, so only pages served by this
 * server may watch the demo; a client that sends none (a script, the benchmark) must run on this machine.
 */
export function upgradeVerdict(req: IncomingMessage): OriginVerdict {
  const origin = single(req, 'origin');
  if (origin === undefined) {
    return isLoopbackPeer(req) ? allowed : { allowed: false, why: 'it names no Origin and does not come from this machine' };
  }
  return originMatchesHost(origin, req.headers.host)
    ? allowed
    : { allowed: false, why: `it comes from a page of ${origin.slice(0, 100)}, not from the deck this server serves` };
}
