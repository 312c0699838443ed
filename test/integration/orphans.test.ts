import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonWorkersDir } from '../../demo-server/src/lanes/python-workers.ts';
import { deleteNamespace, deleteRedisKeysMentioning, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';
import { postJson, startTestServer, uniqueNamespace, waitFor } from '../support/demo-server.ts';
import { freePort } from '../support/private-brokers.ts';
import { processesWithEnv } from '../support/processes.ts';
import { ServerProcess } from '../support/server-process.ts';

/** Node workers work on 5 s after their server died (it may be restarting), then take up to 3 s to close. */
const ORPHANS_GONE_MS = 20_000;

const ofNamespace = (namespace: string) => processesWithEnv('DEMO_NAMESPACE', namespace).map((p) => `${p.pid} ${p.command}`);

async function timeUntilNoneLeft(namespace: string): Promise<number> {
  const start = Date.now();
  await expect.poll(() => ofNamespace(namespace), { timeout: ORPHANS_GONE_MS, interval: 250 }).toEqual([]);
  return Date.now() - start;
}

describe('a demo server killed with kill -9', () => {
  beforeAll(() => Promise.all([requireRedis(), requireRabbitmq()]));

  for (const when of ['while its workers are still starting', 'once its workers run'] as const) {
    it(`leaves no worker behind, Node or Python, ${when}`, async () => {
      const server = new ServerProcess(await freePort(), uniqueNamespace());
      try {
        await server.start();
        if (when === 'once its workers run') {
          await waitFor(
            () => {
              const running = ofNamespace(server.namespace);
              const node = running.filter((p) => p.includes('worker/main.ts')).length;
              const python = running.filter((p) => p.includes('follow_parent.py')).length;
              return node >= 2 && python >= 1 ? true : undefined;
            },
            { what: 'the Node and Python workers running', timeoutMs: 60_000, intervalMs: 250 },
          );
        }
        const workers = ofNamespace(server.namespace).filter((p) => !p.includes('demo-server/src/main.ts'));
        expect(workers.length, workers.join('\n')).toBeGreaterThan(0);
        await server.kill();
        const goneMs = await timeUntilNoneLeft(server.namespace);
        console.info(`server killed ${when}: ${workers.length} worker processes, all gone ${goneMs} ms later`);
      } finally {
        await server.kill();
        await deleteNamespace(server.namespace);
        await deleteRedisKeysMentioning(server.namespace);
        await purgeAmqpNamespace(server.namespace);
      }
    }, 120_000);
  }
});

/** A parent of our own (a shell) that starts `python3 <args>`, prints its pid and waits for it. */
function pythonUnderShell(args: string[]): Promise<{ shell: ReturnType<typeof spawn>; python: number }> {
  const quoted = args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const shell = spawn('sh', ['-c', `/usr/bin/python3 ${quoted} & echo $!; wait`], { cwd: pythonWorkersDir, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    shell.stdout!.once('data', (chunk: Buffer) => resolve({ shell, python: Number(chunk.toString().trim()) }));
    shell.once('error', reject);
  });
}

describe('follow_parent.py', () => {
  /** Running, not ended (nor a zombie whose parent has yet to read its exit). */
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
    } catch {
      return false;
    }
  };

  async function timeUntilGone(pid: number, timeoutMs: number): Promise<number> {
    const start = Date.now();
    await expect.poll(() => alive(pid), { timeout: timeoutMs, interval: 100 }).toBe(false);
    return Date.now() - start;
  }

  it('ends the command when its parent is killed (Linux: PR_SET_PDEATHSIG)', async () => {
    const { shell, python } = await pythonUnderShell(['follow_parent.py', '-c', 'import time; time.sleep(60)']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(python)).toBe(true);
    shell.kill('SIGKILL');
    expect(await timeUntilGone(python, 5_000)).toBeLessThan(5_000);
  });

  it('ends it by polling where the kernel cannot (macOS), within about a second', async () => {
    // The watcher alone, without the prctl: what runs on a Mac.
    const watchOnly = 'import os, threading, time, follow_parent; threading.Thread(target=follow_parent.watch, args=(os.getppid(),), daemon=True).start(); time.sleep(60)';
    const { shell, python } = await pythonUnderShell(['-c', watchOnly]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(python)).toBe(true);
    shell.kill('SIGKILL');
    const goneMs = await timeUntilGone(python, 5_000);
    console.info(`follow_parent polling: the orphan ended ${goneMs} ms after its parent`);
  });

  it('kills a command that ignores the SIGTERM, after its grace', async () => {
    const stubborn =
      'import os, signal, threading, time, follow_parent; signal.signal(signal.SIGTERM, signal.SIG_IGN); threading.Thread(target=follow_parent.watch, args=(os.getppid(),), daemon=True).start(); time.sleep(60)';
    const { shell, python } = await pythonUnderShell(['-c', stubborn]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    shell.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(alive(python)).toBe(true);
    await timeUntilGone(python, 15_000);
  }, 30_000);
});

describe('scheduling Start, Pause and Reset clicked faster than beat starts', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const beats = () => processesWithEnv('DEMO_NAMESPACE', server.config.namespace).filter((p) => p.command.includes('beat'));

  beforeAll(async () => {
    await Promise.all([requireRedis(), requireRabbitmq()]);
    server = await startTestServer({ workerConcurrency: 1 }, ['celery']);
    // Beat is offered once the lane's Celery worker has announced itself.
    await waitFor(() => (server.hub.lane('celery')!.workers().length > 0 ? true : undefined), { what: 'a Celery worker', timeoutMs: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (server) {
      await deleteRedisKeysMentioning(server.config.namespace);
      await purgeAmqpNamespace(server.config.namespace);
    }
  }, 60_000);

  it('never runs two celery beat processes, and leaves none after a reset', async () => {
    const command = (name: string) => postJson(`${server.url}/api/demos/scheduling/${name}`, { scheduler: 'celery' });
    // All at once, as an impatient speaker would click: each must wait for the one before.
    const answers = await Promise.all([command('start'), command('pause'), command('start'), command('start'), command('pause'), command('start')]);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(beats()).toHaveLength(1);
    expect((await postJson(`${server.url}/api/reset`, {})).status).toBe(200);
    expect(beats()).toEqual([]);
    await Promise.all([command('start'), postJson(`${server.url}/api/reset`, {})]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(beats()).toEqual([]);
  }, 90_000);
});
