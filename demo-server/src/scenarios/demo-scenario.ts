import type { Logger } from 'pino';
import type * as z from 'zod';
import type { DemoConfig } from '../config.ts';
import type { ExtraWorkers } from '../lanes/extra-workers.ts';
import type { LaneHub } from '../monitor/lane-hub.ts';
import type { DemoName, DemoStates } from '../protocol/index.ts';

/** What a demo scenario may use: the server's lanes and their monitors, its settings, its worker pool. */
export interface DemoContext {
  readonly hub: LaneHub;
  readonly config: DemoConfig;
  readonly extraWorkers: ExtraWorkers;
  readonly logger: Logger;
}

/**
 * One command a panel sends with `POST /api/demos/:demo/:command`: the edge validates the body with
 * `body` and answers 400 with the issues, so `run` only ever sees valid input. `run` may throw
 * `DemoCommandRefused` (409) or `LaneUnavailable` (503); what it returns is the 202 answer's body.
 */
export interface DemoCommand {
  readonly body: z.ZodType;
  run(body: unknown): Promise<Record<string, unknown> | void>;
}

export function demoCommand<S extends z.ZodType>(
  body: S,
  run: (body: z.output<S>) => Promise<Record<string, unknown> | void>,
): DemoCommand {
  return { body, run: (parsed) => run(parsed as z.output<S>) };
}

/**
 * A live demo of one claim of the talk (`scenarios/<name>/`): it drives lanes or framework workers,
 * keeps a small state that every open deck receives over the socket, and takes commands over HTTP.
 */
export interface DemoScenario<N extends DemoName = DemoName> {
  readonly name: N;
  readonly commands: Readonly<Record<string, DemoCommand>>;
  /** The state as the panel shows it; called once per tick, so cheap and bounded. */
  state(): DemoStates[N];
  start(): Promise<void>;
  /** `POST /api/reset`: stop what runs and forget the numbers, keeping the scenario usable. */
  reset(): Promise<void>;
  /** Server shutdown: release processes, timers and connections. */
  stop(): Promise<void>;
}
