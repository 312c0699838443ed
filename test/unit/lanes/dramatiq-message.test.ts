import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobSpec } from '../../../demo-server/src/protocol/index.ts';
import {
  dramatiqMessage,
  dramatiqNames,
  dramatiqPublishOptions,
  dramatiqQueueDeclarations,
  dramatiqResultKey,
  encodeDramatiqMessage,
  InvalidDramatiqMessage,
} from '../../../demo-server/src/lanes/dramatiq-message.ts';
import { amqpPropertyBytes } from './amqp-wire.ts';

/**
 * What Dramatiq 2.2.0 (tag v2.2.0, commit 5a1f74eabe3a4c5ddd54a78611d8da34e4013249: dramatiq/broker.py,
 * message.py, encoder.py, brokers/rabbitmq.py, results/backend.py), with Debian's pika 1.2.0, declared,
 * published and stored for `actor.send(...)` of the actors in demo-server/workers/dramatiq_actors.py,
 * recorded by test/fixtures/dramatiq/capture_messages.py in the namespace `capture-fixture`.
 */
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/dramatiq/messages-2.2.0.json', import.meta.url), 'utf8')) as {
  rabbitmq: {
    declared: Array<{ queue: string; durable: boolean; exclusive: boolean; autoDelete: boolean; arguments: Record<string, unknown> }>;
    published: Array<{ exchange: string; routingKey: string; properties: Record<string, unknown>; body: string }>;
  };
  resultKeys: string[];
};

const names = dramatiqNames('capture-fixture');
const jobs: JobSpec[] = [
  { kind: 'sleep', params: { ms: 200 } },
  { kind: 'flaky', params: { failRate: 0.3 } },
  { kind: 'noop', params: {} },
];
const messages = jobs.map((job, i) =>
  dramatiqMessage(job, names.queue, `00000000-0000-4000-8000-00000000000${i}`, 1795600000000 + i),
);

describe('Dramatiq on RabbitMQ', () => {
  it('declares the queue, its delay queue and its dead-letter queue with the arguments RabbitmqBroker uses', () => {
    const ours = dramatiqQueueDeclarations(names).map(({ queue, options }) => ({
      queue,
      durable: options.durable,
      exclusive: options.exclusive,
      autoDelete: options.autoDelete,
      arguments: options.arguments,
    }));
    expect(ours).toEqual(fixture.rabbitmq.declared);
  });

  it("writes each message as Message.encode() does, byte for byte, to the actor's queue through the default exchange", () => {
    messages.forEach((message, i) => {
      const captured = fixture.rabbitmq.published[i]!;
      expect(encodeDramatiqMessage(message).toString('utf8')).toBe(captured.body);
      expect({ exchange: '', routingKey: message.queue_name }).toEqual({ exchange: captured.exchange, routingKey: captured.routingKey });
    });
  });

  it('publishes with delivery_mode 2 and no other property Dramatiq reads', () => {
    for (const captured of fixture.rabbitmq.published) expect(captured.properties).toEqual({ delivery_mode: 2 });
    const flags = amqpPropertyBytes(dramatiqPublishOptions).readUInt16BE(0);
    const headers = 0x2000;
    const deliveryMode = 0x1000;
    // amqplib always adds an (empty) headers table; pika sends none. Dramatiq never reads headers.
    expect(flags).toBe(deliveryMode | headers);
  });

  it('finds results where the Results middleware stores them', () => {
    expect(messages.map((m) => dramatiqResultKey(m.queue_name, m.actor_name, m.message_id))).toEqual(fixture.resultKeys);
  });
});

describe('a Dramatiq message', () => {
  it('is refused before publishing when a worker could not read it', () => {
    expect(() => dramatiqMessage({ kind: 'noop', params: {} }, '9-starts-with-a-digit', 'id', 1)).toThrow(InvalidDramatiqMessage);
    expect(() => dramatiqMessage({ kind: 'noop', params: {} }, names.queue, '', 1)).toThrow(InvalidDramatiqMessage);
  });
});
