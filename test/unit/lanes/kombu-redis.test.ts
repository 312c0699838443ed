import { describe, expect, it } from 'vitest';
import { decodeCeleryEvents } from '../../../demo-server/src/lanes/celery-events.ts';
import {
  InvalidKombuEnvelope,
  kombuBinding,
  kombuBodyOf,
  kombuEnvelope,
  kombuFanoutChannel,
  kombuQueueLists,
} from '../../../demo-server/src/lanes/kombu-redis.ts';

/** A `worker-online` event as a Celery 5.2.6 worker (kombu 5.2.4) published it on `/0.dbg1.celeryev/worker.online`. */
const workerOnline =
  '{"body": "eyJob3N0bmFtZSI6ICJjZWxlcnlAdm0iLCAidXRjb2Zmc2V0IjogMCwgInBpZCI6IDI3OTg0LCAiY2xvY2siOiAxLCAiZnJlcSI6IDIuMCwgImFjdGl2ZSI6IDAsICJwcm9jZXNzZWQiOiAwLCAibG9hZGF2ZyI6IFs3LjMxLCA1LjI2LCAyLjY5XSwgInN3X2lkZW50IjogInB5LWNlbGVyeSIsICJzd192ZXIiOiAiNS4yLjYiLCAic3dfc3lzIjogIkxpbnV4IiwgInRpbWVzdGFtcCI6IDE3OTU2MTk0NTEuNzAwNjQxOSwgInR5cGUiOiAid29ya2VyLW9ubGluZSJ9", ' +
  '"content-encoding": "utf-8", "content-type": "application/json", "headers": {"hostname": "celery@vm"}, ' +
  '"properties": {"delivery_mode": 1, "delivery_info": {"exchange": "dbg1.celeryev", "routing_key": "worker.online"}, ' +
  '"priority": 0, "body_encoding": "base64", "delivery_tag": "2a02bbc3-39ec-42e6-828e-c8d06623da1a"}}';

describe("kombu's Redis transport", () => {
  it('names the lists of a queue, its bindings and its fanout channels as kombu does', () => {
    expect(kombuQueueLists('demo.celery')).toEqual(['demo.celery', 'demo.celery\x06\x163', 'demo.celery\x06\x166', 'demo.celery\x06\x169']);
    expect(kombuBinding('demo.celery', 'demo.celery', 'demo.celery')).toEqual({
      key: '_kombu.binding.demo.celery',
      member: 'demo.celery\x06\x16\x06\x16demo.celery',
    });
    expect(kombuFanoutChannel(0, 'demo.pidbox')).toBe('/0.demo.pidbox');
    expect(kombuFanoutChannel(2, 'demo.celeryev', 'task.multi')).toBe('/2.demo.celeryev/task.multi');
  });

  it("reads a Celery worker's event out of its envelope", () => {
    expect(decodeCeleryEvents(kombuBodyOf(workerOnline)!)).toEqual([{ type: 'worker-online', hostname: 'celery@vm', pid: 27984 }]);
  });

  it('reads nothing out of a malformed envelope', () => {
    for (const raw of ['{not json', '[]', '{"body": 3}', 'null']) expect(kombuBodyOf(raw)).toBeUndefined();
  });

  it('refuses to write an envelope a worker could not read', () => {
    const message = { body: Buffer.from('[[], {}, {}]'), headers: {} };
    expect(() => kombuEnvelope(message, '', 'q', '')).toThrow(InvalidKombuEnvelope);
    expect(() => kombuEnvelope({ ...message, priority: 256 }, '', 'q')).toThrow(InvalidKombuEnvelope);
    expect(() => kombuEnvelope({ ...message, correlationId: '' }, '', 'q')).toThrow(InvalidKombuEnvelope);
    expect(JSON.parse(kombuEnvelope(message, '', 'q', 'tag'))).toEqual({
      body: 'W1tdLCB7fSwge31d',
      'content-encoding': 'utf-8',
      'content-type': 'application/json',
      headers: {},
      properties: { delivery_mode: 2, delivery_info: { exchange: '', routing_key: 'q' }, priority: 0, body_encoding: 'base64', delivery_tag: 'tag' },
    });
  });
});
