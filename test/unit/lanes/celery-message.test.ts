import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobSpec } from '../../../demo-server/src/protocol/index.ts';
import {
  celeryAmqpHeaders,
  celeryTaskMessage,
  InvalidCeleryMessage,
  validateCeleryMessage,
  type CeleryMessage,
} from '../../../demo-server/src/lanes/celery-message.ts';
import { amqpPropertyBytes } from './amqp-wire.ts';

/**
 * What Celery 5.2.6 (kombu 5.2.4, py-amqp 5.1.1: Debian bookworm's python3-celery) put on the wire
 * for `apply_async` of the tasks in demo-server/workers/celery_tasks.py, recorded by
 * test/fixtures/celery/capture_messages.py.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/celery/messages-5.2.6.json', import.meta.url), 'utf8')) as {
  tasks: Array<{ routingKey: string; properties: string; headers: Record<string, unknown>; body: string }>;
};

const jobs: JobSpec[] = [
  { kind: 'sleep', params: { ms: 200 } },
  { kind: 'flaky', params: { failRate: 0.3 } },
  { kind: 'noop', params: {} },
];

function replyToOf(propertiesHex: string): string {
  // The app's oid, a uuid3, is the last short string of the properties.
  return Buffer.from(propertiesHex, 'hex').subarray(-36).toString('latin1');
}

describe('a Celery task message', () => {
  jobs.forEach((job, i) => {
    const captured = fixture.tasks[i]!;
    const producer = { origin: captured.headers.origin as string, replyTo: replyToOf(captured.properties) };
    const message = celeryTaskMessage(job, captured.headers.id as string, producer);

    it(`for ${job.kind} has the body Celery's client writes, byte for byte`, () => {
      expect(message.body.toString('utf8')).toBe(captured.body);
    });

    it(`for ${job.kind} has Celery's headers and properties, byte for byte as py-amqp encodes them`, () => {
      expect(message.headers).toEqual(captured.headers);
      const sent = amqpPropertyBytes({ ...message.properties, headers: celeryAmqpHeaders(message.headers) });
      expect(sent.toString('hex')).toBe(captured.properties);
    });
  });

  it('is refused before publishing when a worker could not read it', () => {
    const good = celeryTaskMessage({ kind: 'noop', params: {} }, 'id-1', { origin: 'gen1@host', replyTo: 'r' });
    const broken: CeleryMessage[] = [
      { ...good, headers: { ...good.headers, task: 'celery_tasks.unknown' } },
      { ...good, headers: { ...good.headers, timelimit: [null] as never } },
      { ...good, properties: { ...good.properties, correlationId: 'another-id' } },
      { ...good, body: Buffer.from('{"args": []}') },
      { ...good, body: Buffer.from('[[], {}') },
    ];
    for (const message of broken) expect(() => validateCeleryMessage(message)).toThrow(InvalidCeleryMessage);
    const { lang: _, ...withoutLang } = good.headers;
    expect(() => validateCeleryMessage({ ...good, headers: withoutLang as never })).toThrow(/lang/);
  });
});
