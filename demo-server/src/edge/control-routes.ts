import { Router, type Request, type Response } from 'express';
import {
  producerRequestSchema,
  raceRequestSchema,
  toJobSpec,
  workersRequestSchema,
  type LaneName,
  type ProducerState,
  type WorkersResponse,
} from '../protocol/index.ts';
import { isScalableLane, scalableLanes, type ExtraWorkers } from '../lanes/extra-workers.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';
import { startBrokerRace } from '../scenarios/broker-race.ts';
import { describeIssues, knownLane } from './api-routes.ts';
import { HttpError, sendError } from './error-response.ts';

/** Every control takes a JSON body; a form post or a bare curl gets the same 415 as POST /api/jobs. */
function requireJson(req: Request): void {
  if (!req.is('application/json')) {
    throw new HttpError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
}

/**
 * The speaker's controls beyond single bursts: a steady producer per lane, the broker race, and
 * how many worker processes consume a lane. Their effects reach every deck through the socket.
 */
export function controlRoutes(hub: LaneHub, extraWorkers: ExtraWorkers): Router {
  const router = Router();

  router.post('/lanes/:lane/producer', (req: Request<{ lane: string }>, res: Response) => {
    requireJson(req);
    const name = knownLane(hub, req.params.lane);
    const body = producerRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 'invalid_body', describeIssues(body.error));
    const spec = toJobSpec(body.data.kind, body.data.params);
    if (!spec.success) return sendError(res, 'invalid_body', `params: ${describeIssues(spec.error)}`);
    const producer: ProducerState | undefined = hub.producer(name)?.set(body.data.rate, spec.data);
    res.json({ lane: name, producer: producer ?? null });
  });

  router.post('/race', async (req: Request, res: Response) => {
    requireJson(req);
    const body = raceRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 'invalid_body', describeIssues(body.error));
    const lanes: LaneName[] = body.data.lanes.map((lane) => knownLane(hub, lane));
    const spec = toJobSpec(body.data.kind, body.data.params);
    if (!spec.success) return sendError(res, 'invalid_body', `params: ${describeIssues(spec.error)}`);
    const race = await startBrokerRace(hub, { lanes, job: spec.data, count: body.data.count });
    if (race.lanes.every((lane) => lane.error !== undefined)) {
      return sendError(res, 'lane_down', `No lane could start the race: ${race.lanes.map((l) => `${l.name}: ${l.error}`).join('; ')}`);
    }
    res.status(202).json(race);
  });

  router.post('/lanes/:lane/workers', async (req: Request<{ lane: string }>, res: Response) => {
    requireJson(req);
    const name = knownLane(hub, req.params.lane);
    const body = workersRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 'invalid_body', describeIssues(body.error));
    if (!isScalableLane(name)) {
      return sendError(res, 'not_scalable', `The server starts no worker processes for lane "${name}". Lanes it can scale: ${scalableLanes.join(', ')}.`);
    }
    const own = extraWorkers.ownWorkers();
    if (body.data.count < own) {
      return sendError(res, 'invalid_body', `count: the lane's own worker always runs, so at least ${own} (start the server with WORKER_CONCURRENCY=0 to run none).`);
    }
    const answer: WorkersResponse = { lane: name, count: await extraWorkers.scaleTo(name, body.data.count) };
    res.json(answer);
  });

  return router;
}
