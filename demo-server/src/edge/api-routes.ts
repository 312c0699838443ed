import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  enqueueRequestSchema,
  isLaneName,
  laneNames,
  toJobSpec,
  type EnqueueResponse,
  type ErrorBody,
  type HealthResponse,
  type LaneName,
} from '../protocol/index.ts';
import { LaneUnavailable } from '../errors.ts';
import { BROKER_CALL_TIMEOUT_MS, withDeadline } from '../lanes/broker-deadline.ts';
import type { ExtraWorkers } from '../lanes/extra-workers.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';
import type { DemoBoard } from '../scenarios/demo-board.ts';
import { errorCodes, HttpError, sendError } from './error-response.ts';

/** What a zod failure says, in one line a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** A lane's reset (several broker calls) answers within this, so `POST /api/reset` answers within 5 s. */
const LANE_RESET_DEADLINE_MS = BROKER_CALL_TIMEOUT_MS + 500;

export function knownLane(hub: LaneHub, name: string): LaneName {
  if (!isLaneName(name) || !hub.lane(name)) {
    const served = hub.lanes().map((lane) => lane.name);
    const why = isLaneName(name) ? 'is not running on this server' : 'does not exist';
    throw new HttpError('unknown_lane', `Lane "${name.slice(0, 64)}" ${why}. Lanes here: ${served.join(', ')}.`);
  }
  return name;
}

export function apiRoutes(hub: LaneHub, demos: DemoBoard, extraWorkers: ExtraWorkers): Router {
  const router = Router();

  router.get('/health', (_req, res: Response<HealthResponse>) => {
    res.json({ lanes: hub.lanes().map((lane) => lane.health()) });
  });

  router.post('/jobs', async (req: Request, res: Response) => {
    if (!req.is('application/json')) {
      return sendError(res, 'unsupported_media_type', 'Send the job as JSON with Content-Type: application/json.');
    }
    const body = enqueueRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 'invalid_body', describeIssues(body.error));
    const name = knownLane(hub, body.data.lane);
    const spec = toJobSpec(body.data.kind, body.data.params);
    if (!spec.success) return sendError(res, 'invalid_body', `params: ${describeIssues(spec.error)}`);
    try {
      const accepted = await hub.lane(name)!.enqueue(spec.data, body.data.count);
      const answer: EnqueueResponse & { requested: number } = {
        accepted,
        requested: body.data.count,
        lane: name,
        kind: spec.data.kind,
        params: spec.data.params,
      };
      res.status(202).json(answer);
    } catch (error) {
      if (error instanceof LaneUnavailable) return sendError(res, 'lane_down', error.message);
      throw error;
    }
  });

  router.get('/lanes/:lane/stats', (req: Request<{ lane: string }>, res: Response) => {
    const name = knownLane(hub, req.params.lane);
    res.json(hub.monitor(name)!.currentStats());
  });

  router.post('/reset', async (_req, res: Response) => {
    // A demo still running would enqueue into the lanes about to be emptied.
    const demoResults = await demos.reset();
    // Back to one worker per lane, as the deck starts: the rehearsal's added consumers go.
    await extraWorkers.stop();
    const results = await Promise.allSettled(
      hub.lanes().map(async (lane) => {
        // A producer still running would refill the queue it is about to empty.
        hub.producer(lane.name)?.stop();
        // Each broker call has its deadline; a lane's several calls together get one too.
        await withDeadline(lane.reset(), `resetting ${lane.name}`, { ms: LANE_RESET_DEADLINE_MS });
        hub.monitor(lane.name)!.reset();
        return lane.name;
      }),
    );
    const lanes = hub.lanes().map((lane, i) => {
      const result = results[i]!;
      return result.status === 'fulfilled'
        ? { name: lane.name, reset: true }
        : { name: lane.name, reset: false, detail: (result.reason as Error).message };
    });
    const demoNames = demos.names();
    const demoAnswers = demoNames.map((name, i) => {
      const result = demoResults[i]!;
      return result.status === 'fulfilled' ? { name, reset: true } : { name, reset: false, detail: (result.reason as Error).message };
    });
    const notReset = lanes.filter((lane) => !lane.reset);
    if (notReset.length > 0) {
      const why = notReset.map((lane) => `${lane.name}: ${lane.detail}`).join('; ');
      const body: ErrorBody & { lanes: typeof lanes; demos: typeof demoAnswers } = {
        error: { code: 'lane_down', message: `Every lane but ${notReset.map((lane) => lane.name).join(', ')} was reset. ${why}` },
        lanes,
        demos: demoAnswers,
      };
      return res.status(errorCodes.lane_down).json(body);
    }
    res.json({ lanes, demos: demoAnswers });
  });

  router.use((req: Request, res: Response) => {
    sendError(res, 'not_found', `No API route ${req.method} ${req.path.slice(0, 100)}. Lanes: ${laneNames.join(', ')}.`);
  });

  return router;
}
