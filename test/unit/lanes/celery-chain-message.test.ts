import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { celeryAmqpHeaders, InvalidCeleryMessage } from '../../../demo-server/src/lanes/celery-message.ts';
import { celeryChainMessage, type CeleryChainStep } from '../../../demo-server/src/lanes/celery-chain-message.ts';
import { amqpPropertyBytes } from './amqp-wire.ts';

/**
 * What Celery 5.2.6 (Debian bookworm's python3-celery) put on the wire for
 * `chain(fetch.s(3), transform.s(fail=...), store.s()).apply_async()` of demo-server/workers/celery_pipeline.py,
 * recorded by test/fixtures/celery/capture_chain.py: first passing, then with the middle step told to fail.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/celery/chain-5.2.6.json', import.meta.url), 'utf8')) as {
  chains: Array<{ routingKey: string; properties: string; headers: Record<string, unknown>; body: string }>;
};

interface Signature {
  options: { task_id: string; reply_to: string };
}

describe('a Celery chain message', () => {
  [false, true].forEach((fail, i) => {
    const captured = fixture.chains[i]!;
    const [, , embed] = JSON.parse(captured.body) as [unknown, unknown, { chain: Signature[] }];
    const [store, transform] = embed.chain;
    const steps: CeleryChainStep[] = [
      { task: 'celery_pipeline.fetch', id: captured.headers.id as string, args: [3], kwargs: {} },
      { task: 'celery_pipeline.transform', id: transform!.options.task_id, args: [], kwargs: { fail } },
      { task: 'celery_pipeline.store', id: store!.options.task_id, args: [], kwargs: {} },
    ];
    const producer = { origin: captured.headers.origin as string, replyTo: store!.options.reply_to };
    const message = celeryChainMessage(steps, producer);

    it(`${fail ? 'with a failing middle step ' : ''}has the body Celery's chain writes, byte for byte (the rest of the chain reversed in embed.chain)`, () => {
      expect(message.body.toString('utf8')).toBe(captured.body);
    });

    it(`${fail ? 'with a failing middle step ' : ''}has Celery's headers and properties, byte for byte`, () => {
      expect(message.headers).toEqual(captured.headers);
      const sent = amqpPropertyBytes({ ...message.properties, headers: celeryAmqpHeaders(message.headers) });
      expect(sent.toString('hex')).toBe(captured.properties);
    });
  });

  it('is refused for a single step or a task the worker does not have', () => {
    const producer = { origin: 'gen1@host', replyTo: 'r' };
    const fetch: CeleryChainStep = { task: 'celery_pipeline.fetch', id: 'a', args: [3], kwargs: {} };
    expect(() => celeryChainMessage([fetch], producer)).toThrow(InvalidCeleryMessage);
    const unknown = { ...fetch, id: 'b', task: 'celery_pipeline.unknown' } as unknown as CeleryChainStep;
    expect(() => celeryChainMessage([fetch, unknown], producer)).toThrow(InvalidCeleryMessage);
  });
});
