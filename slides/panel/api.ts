import {
  errorBodySchema,
  type DemoName,
  type EnqueueRequest,
  type LaneName,
  type ProducerRequest,
  type RaceRequest,
} from '../../demo-server/src/protocol/index.ts';

/** A button must never hang on stage: past this a request counts as failed. */
const REQUEST_TIMEOUT_MS = 8_000;

export type ApiResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** The demo server's commands. Their effects come back over the socket, so only failures matter here. */
export interface Api {
  enqueue(request: EnqueueRequest): Promise<ApiResult>;
  reset(): Promise<ApiResult>;
  race(request: RaceRequest): Promise<ApiResult>;
  /** Starts, changes or (rate 0) stops the lane's steady producer. */
  produce(lane: LaneName, request: ProducerRequest): Promise<ApiResult>;
  /** How many worker processes the server runs for the lane, its own included. */
  scaleWorkers(lane: LaneName, count: number): Promise<ApiResult>;
  /** One command of a demo scenario (`POST /api/demos/:demo/:command`); its effect arrives in the demo's state. */
  demo(demo: DemoName, command: string, body?: Record<string, unknown>): Promise<ApiResult>;
}

export function createApi(origin: string): Api {
  return {
    enqueue: (request) => post(`${origin}/api/jobs`, request),
    reset: () => post(`${origin}/api/reset`, {}),
    race: (request) => post(`${origin}/api/race`, request),
    produce: (lane, request) => post(`${origin}/api/lanes/${lane}/producer`, request),
    scaleWorkers: (lane, count) => post(`${origin}/api/lanes/${lane}/workers`, { count }),
    demo: (demo, command, body = {}) =>
      post(`${origin}/api/demos/${encodeURIComponent(demo)}/${encodeURIComponent(command)}`, body),
  };
}

async function post(url: string, body: unknown): Promise<ApiResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { ok: false, message: timedOut ? 'The demo server did not answer in time.' : 'The demo server is unreachable.' };
  }
  if (response.ok) return { ok: true };
  return { ok: false, message: await errorMessage(response) };
}

/** The server's own words when it sent its JSON error body, else the HTTP status. */
export async function errorMessage(response: Pick<Response, 'status' | 'statusText' | 'json'>): Promise<string> {
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    if (parsed.success) return parsed.data.error.message;
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to the status line.
  }
  return `Request failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}
