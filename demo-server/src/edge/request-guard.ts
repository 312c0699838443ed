import type { NextFunction, Request, Response } from 'express';
import { sendError } from './error-response.ts';
import type { HostAllowlist } from './host-allowlist.ts';
import { stateChangeVerdict } from './origin.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a person runs to drive the API from this machine, quoted in the refusals. */
const CURL_EXAMPLE = "curl -X POST -H 'content-type: application/json' -d '{}' http://127.0.0.1:3000/api/reset";

function isJson(req: Request): boolean {
  const type = req.headers['content-type'];
  return type !== undefined && type.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * The first thing every request meets, before the rate limiter counts it: a foreign `Host` (DNS
 * rebinding) gets 421; a request that would change something gets 403 unless the deck itself or a
 * program on this machine sent it, and 415 unless its body is JSON (a form post or a `no-cors`
 * fetch cannot send JSON). So no other page can reset the demo, nor use up the speaker's rate limit.
 */
export function requestGuard(hosts: HostAllowlist) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hosts.allows(req.headers.host)) {
      return sendError(res, 'misdirected', `This server answers to ${hosts.describe()} only: open the deck at one of them.`);
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const verdict = stateChangeVerdict(req);
    if (!verdict.allowed) {
      return sendError(
        res,
        'cross_origin',
        `Refused: ${verdict.why}. Only the deck served here may change the demo; from this machine, a program that sends no Origin may too, e.g. ${CURL_EXAMPLE}`,
      );
    }
    if (!isJson(req)) {
      return sendError(res, 'unsupported_media_type', `Send the body as JSON with Content-Type: application/json, e.g. ${CURL_EXAMPLE}`);
    }
    next();
  };
}
