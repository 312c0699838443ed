import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { LaneFull } from '../errors.ts';
import type { ExtraWorkers } from '../lanes/extra-workers.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';
import type { DemoBoard } from '../scenarios/demo-board.ts';
import { apiRoutes } from './api-routes.ts';
import { controlRoutes } from './control-routes.ts';
import { demoRoutes } from './demo-routes.ts';
import { metricsRoute } from './metrics.ts';
import { HttpError, sendError } from './error-response.ts';
import type { HostAllowlist } from './host-allowlist.ts';
import { requestGuard } from './request-guard.ts';
import { securityHeaders } from './security-headers.ts';

export interface HttpAppOptions {
  hub: LaneHub;
  /** The demo scenarios (reliability, retries, ...) and their commands. */
  demos: DemoBoard;
  /** Worker processes the speaker adds to a lane. */
  extraWorkers: ExtraWorkers;
  /** The `Host` names requests may carry. */
  hosts: HostAllowlist;
  /** Open WebSocket clients, for /metrics. */
  clientCount: () => number;
  deckDir: string;
  rateLimitPerMinute: number;
  logger: Logger;
}

/** Bodies above this are refused before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

export function createHttpApp({ hub, demos, extraWorkers, hosts, clientCount, deckDir, rateLimitPerMinute, logger }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // Before the rate limiter: a foreign page's requests must not use up the deck's own allowance.
  app.use(requestGuard(hosts));

  app.use(
    '/api',
    rateLimit({
      windowMs: 60_000,
      limit: rateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => sendError(res, 'rate_limited', 'Too many requests: wait a moment and try again.'),
    }),
    express.json({ limit: MAX_BODY_BYTES, strict: true }),
    controlRoutes(hub, extraWorkers),
    demoRoutes(demos),
    apiRoutes(hub, demos, extraWorkers),
  );

  app.use('/metrics', metricsRoute(hub, clientCount));
  app.use(express.static(resolve(deckDir), { index: 'index.html' }));
  // Reached only when the static folder had no index.html: say how to build the deck.
  app.get('/', (_req, res) => {
    res.status(503).type('text/plain').send('The deck is not built yet: run `npm run build` (or `npm start`, which builds it).\n');
  });

  app.use((_req: Request, res: Response) => sendError(res, 'not_found', 'Nothing here. The deck is at /.'));

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpError) return sendError(res, error.code, error.message);
    if (error instanceof LaneFull) return sendError(res, 'queue_full', error.message);
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 'body_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    if (type === 'entity.parse.failed') return sendError(res, 'invalid_json', 'The body is not valid JSON.');
    if (status && status >= 400 && status < 500) {
      return sendError(res, 'invalid_body', (error as Error).message ?? 'Bad request.');
    }
    logger.error({ err: error }, 'unexpected error while answering a request');
    sendError(res, 'internal', 'Something went wrong in the demo server; it keeps running. See its log.');
  });

  return app;
}
