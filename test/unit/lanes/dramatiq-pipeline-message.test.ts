import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidDramatiqMessage } from '../../../demo-server/src/lanes/dramatiq-message.ts';
import { dramatiqPipelineMessage, type DramatiqPipelineStep } from '../../../demo-server/src/lanes/dramatiq-pipeline-message.ts';

/**
 * What Dramatiq 2.2.0's RabbitmqBroker published for `pipeline([fetch.message(3), transform.message(fail=...),
 * store.message()]).run()` of demo-server/workers/dramatiq_pipeline.py, recorded by
 * test/fixtures/dramatiq/capture_pipeline.py with fixed ids and timestamps.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/dramatiq/pipeline-2.2.0.json', import.meta.url), 'utf8')) as {
  published: Array<{ exchange: string; routingKey: string; body: string }>;
};

describe('a Dramatiq pipeline message', () => {
  [false, true].forEach((fail, run) => {
    it(`${fail ? 'with a failing middle step ' : ''}is the one pipeline(...).run() publishes, byte for byte, pipe_target nested`, () => {
      const steps: DramatiqPipelineStep[] = (['fetch', 'transform', 'store'] as const).map((actor, i) => ({
        actor,
        messageId: `00000000-0000-4000-8000-0000000000${run}${i}`,
        timestamp: 1795600000000 + 10 * run + i,
        args: actor === 'fetch' ? [3] : [],
        kwargs: actor === 'transform' ? { fail } : ({} as Record<string, boolean>),
      }));
      const captured = fixture.published[run]!;
      expect(captured.routingKey).toBe('capture-fixture.dramatiq');
      expect(dramatiqPipelineMessage('capture-fixture.dramatiq', steps).toString('utf8')).toBe(captured.body);
    });
  });

  it('is refused for a single step', () => {
    const step: DramatiqPipelineStep = { actor: 'fetch', messageId: 'a', timestamp: 1, args: [3], kwargs: {} };
    expect(() => dramatiqPipelineMessage('q', [step])).toThrow(InvalidDramatiqMessage);
  });
});
