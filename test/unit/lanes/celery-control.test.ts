import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlCommand, decodeStatsReply } from '../../../demo-server/src/lanes/celery-control.ts';
import { amqpPropertyBytes } from './amqp-wire.ts';

/** `app.control.enable_events()` as Celery 5.2.6 sent it, recorded by test/fixtures/celery/capture_messages.py. */
const { enableEvents } = JSON.parse(readFileSync(new URL('../../fixtures/celery/messages-5.2.6.json', import.meta.url), 'utf8')) as {
  enableEvents: { exchange: string; properties: string; headers: { clock: number; expires: number }; body: string };
};

describe('a Celery control command', () => {
  it("is what app.control.enable_events() broadcasts, byte for byte", () => {
    const { clock, expires } = enableEvents.headers;
    const command = controlCommand('enable_events', clock, {}, (expires - 1) * 1000);
    expect(command.body.toString('utf8')).toBe(enableEvents.body);
    expect(amqpPropertyBytes(command.options).toString('hex')).toBe(enableEvents.properties);
  });

  it('asks for an answer on the reply exchange, keyed by the asker', () => {
    const command = controlCommand('stats', 2, { destination: ['w1@host'], reply: { exchange: 'reply.ns.pidbox', routingKey: 'me' } });
    expect(JSON.parse(command.body.toString('utf8'))).toMatchObject({
      method: 'stats',
      destination: ['w1@host'],
      ticket: expect.any(String),
      reply_to: { exchange: 'reply.ns.pidbox', routing_key: 'me' },
    });
  });

  it("reads each worker's pool size from a stats reply, and nothing from a malformed one", () => {
    const reply = { 'w1@host': { pid: 7, pool: { 'max-concurrency': 8, processes: [1, 2] }, total: {} } };
    expect(decodeStatsReply(Buffer.from(JSON.stringify(reply)))).toEqual(new Map([['w1@host', 8]]));
    expect(decodeStatsReply(Buffer.from('{"w1@host": {"pool": "none"}}'))).toEqual(new Map());
    expect(decodeStatsReply(Buffer.from('not json'))).toEqual(new Map());
  });
});
