import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DemoCommandRefused, LaneUnavailable } from '../../errors.ts';
import { WEB_API_MAX_REQUESTS, webApiLanes, webApiVariants, type WebApiState } from '../../protocol/index.ts';
import { demoCommand, type DemoContext, type DemoScenario } from '../demo-scenario.ts';
import { SignupEndpoint, WELCOME_EMAIL } from './signup-endpoint.ts';
import { SignupRound } from './signup-round.ts';

const fireBody = z
  .object({
    lane: z.enum(webApiLanes).default('bullmq'),
    requests: z.number().int().min(1).max(WEB_API_MAX_REQUESTS).default(1),
  })
  .strict();

const signupBody = z.object({ lane: z.enum(webApiLanes).default('bullmq'), variant: z.enum(webApiVariants) }).strict();

/**
 * Use case "background tasks for a web API": a signup endpoint whose welcome email is sent in the
 * background (answers at once) or in the request (answers when the email is out), fired side by side.
 * `fire` runs a round the panel draws; `signup` is the endpoint itself, for curl.
 */
export function createWebApiScenario({ hub }: DemoContext): DemoScenario<'web-api'> {
  const endpoint = new SignupEndpoint(hub);
  let round: SignupRound | null = null;

  return {
    name: 'web-api',
    commands: {
      fire: demoCommand(fireBody, async ({ lane, requests }) => {
        if (round && !round.done()) throw new DemoCommandRefused('The last round is still running: wait until its jobs are done.');
        const target = hub.lane(lane);
        if (!target) throw new DemoCommandRefused(`This demo server runs no ${lane} lane.`);
        const health = target.health();
        if (health.status === 'down') throw new LaneUnavailable(lane, health.detail ?? 'down', health.hint);
        const current = new SignupRound(randomUUID().slice(0, 8), lane, requests, Date.now());
        round = current;
        for (let i = 0; i < requests; i++) {
          for (const variant of webApiVariants) current.fire(variant, () => endpoint.signup(lane, variant));
        }
        return { round: current.id, lane, requests };
      }),
      signup: demoCommand(signupBody, async ({ lane, variant }) => {
        const { jobId } = await endpoint.signup(lane, variant);
        return { variant, jobId, status: variant === 'async' ? 'queued' : 'sent' };
      }),
    },
    state: (): WebApiState => ({
      job: { label: WELCOME_EMAIL.label, ms: WELCOME_EMAIL.job.params.ms },
      round: round?.state() ?? null,
    }),
    start: async () => {},
    reset: async () => {
      round = null;
    },
    stop: async () => {
      round = null;
      endpoint.close();
    },
  };
}
