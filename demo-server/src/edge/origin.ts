import type { IncomingMessage } from 'node:http';

/**
 * Browsers always send Origin on a WebSocket handshake: only pages served by this server
 * may open one, so a page on another site cannot watch or drive the demo. Non-browser
 * clients (scripts, the benchmark) send no Origin and are let in.
 */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
