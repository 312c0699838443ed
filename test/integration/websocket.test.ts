import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serverMessageSchema, type ServerMessage } from '../../demo-server/src/protocol/index.ts';
import { postJson, startTestServer } from '../support/demo-server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Opens a socket and collects every message it receives, validated against the protocol. */
function watch(url: string, headers: Record<string, string> = {}) {
  const messages: ServerMessage[] = [];
  const ws = new WebSocket(url.replace('http', 'ws') + '/ws', { headers });
  ws.on('message', (data) => messages.push(serverMessageSchema.parse(JSON.parse(data.toString()))));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, messages, opened };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the WebSocket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ workerConcurrency: 0 }, ['memory']);
  });
  afterAll(async () => server?.stop());

  it('sends a snapshot first, then batched deltas: never one message per job', async () => {
    const client = watch(server.url);
    await client.opened;
    await until(() => client.messages.length > 0);
    expect(client.messages[0]!.type).toBe('snapshot');

    await postJson(`${server.url}/api/jobs`, { lane: 'memory', kind: 'noop', count: 5_000 });
    await until(() =>
      client.messages.some((m) => m.type === 'delta' && m.lanes.some((l) => l.stats.completed === 5_000)),
    );
    const deltas = client.messages.filter((m) => m.type === 'delta');
    expect(deltas.length).toBeLessThan(100);
    const seqs = deltas.map((m) => (m.type === 'delta' ? m.seq : 0));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const ticked = deltas.reduce((sum, m) => sum + (m.type === 'delta' ? m.lanes[0]?.tick.completed ?? 0 : 0), 0);
    expect(ticked).toBe(5_000);
    client.ws.close();
  });

  it('gives a reconnecting client a fresh snapshot with the current counts', async () => {
    const client = watch(server.url);
    await client.opened;
    await until(() => client.messages.length > 0);
    const snapshot = client.messages[0]!;
    expect(snapshot.type === 'snapshot' && snapshot.lanes[0]!.stats.completed).toBe(5_000);
    client.ws.close();
  });

  it('answers a ping, and a bad frame with an error, and stays open', async () => {
    const client = watch(server.url);
    await client.opened;
    client.ws.send(JSON.stringify({ type: 'ping', t: 42 }));
    client.ws.send('{not json');
    client.ws.send(JSON.stringify({ type: 'reset' }));
    client.ws.send(Buffer.from([0xff, 0xfe]), { binary: true });
    await until(() => client.messages.filter((m) => m.type === 'pong' || m.type === 'error').length === 4);
    const replies = client.messages.filter((m) => m.type === 'pong' || m.type === 'error');
    expect(replies.map((m) => (m.type === 'error' ? m.code : m.type))).toEqual([
      'pong',
      'invalid_json',
      'invalid_message',
      'binary_frame',
    ]);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    client.ws.close();
  });

  it('refuses a page from another site', async () => {
    const client = watch(server.url, { Origin: 'https://evil.example' });
    await expect(client.opened).rejects.toThrow(/403/);
  });

  it('refuses other paths', async () => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/other');
    await expect(new Promise((_, reject) => ws.once('error', reject))).rejects.toThrow(/404/);
  });
});
