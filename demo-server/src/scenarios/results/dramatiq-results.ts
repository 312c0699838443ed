import { randomUUID } from 'node:crypto';
import { DramatiqClient } from '../../lanes/dramatiq-client.ts';
import { dramatiqResultKey } from '../../lanes/dramatiq-message.ts';
import { pythonJson } from '../../lanes/python-literals.ts';
import type { DemoContext } from '../demo-scenario.ts';
import { laneUnavailable } from '../lane-availability.ts';
import { ResultStore, type FollowedResult } from './result-store.ts';

/** ms: Dramatiq's `result_ttl`, sent as a message option (the Results middleware reads it per message). */
export const DRAMATIQ_RESULT_TTL_MS = 60_000;

/**
 * Dramatiq's Results middleware with its Redis backend: `cpu.send_with_options(args=(n,), result_ttl=60000)`,
 * the result under an md5 of `dramatiq-results:<queue>:cpu:<id>`, expiring after `result_ttl`.
 */
export class DramatiqResults extends ResultStore {
  readonly framework = 'dramatiq' as const;
  readonly expiry = `result_ttl=${DRAMATIQ_RESULT_TTL_MS}`;
  private client: DramatiqClient | undefined;

  constructor(private readonly context: DemoContext) {
    super();
  }

  unavailable() {
    return laneUnavailable(this.context.hub, 'dramatiq', 'Dramatiq');
  }

  protected async send(input: number): Promise<FollowedResult> {
    const { config } = this.context;
    if (!this.client) {
      this.client = new DramatiqClient(config.amqpUrl, config.redisUrl, config.namespace, 'demo-results-dramatiq', () => {});
      await this.client.start();
    }
    const client = this.client;
    const id = randomUUID();
    const queue = client.names.queue;
    // What `send_with_options` writes: Message's fields in declaration order, the option in `options`.
    const message = {
      queue_name: queue,
      actor_name: 'cpu',
      args: [input],
      kwargs: {},
      options: { result_ttl: DRAMATIQ_RESULT_TTL_MS },
      message_id: id,
      message_timestamp: Date.now(),
    };
    await client.send(Buffer.from(pythonJson(message, [',', ':']), 'utf8'));
    return { id, input, key: dramatiqResultKey(queue, 'cpu', id), read: () => client.result('cpu', id) };
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }
}
