import type { Response } from 'express';
import type { ErrorBody } from '../protocol/index.ts';

export const errorCodes = {
  invalid_body: 400,
  invalid_json: 400,
  cross_origin: 403,
  unknown_lane: 404,
  not_found: 404,
  not_scalable: 409,
  conflict: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  misdirected: 421,
  rate_limited: 429,
  queue_full: 429,
  lane_down: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorCodes;

/** Every failure leaves the server in one shape: `{ error: { code, message } }`. */
export function sendError(res: Response, code: ErrorCode, message: string): void {
  const body: ErrorBody = { error: { code, message } };
  res.status(errorCodes[code]).json(body);
}

/** An error a handler throws on purpose; the error middleware turns it into its response. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
