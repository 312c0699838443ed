import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
/** Without the caller's DEMO_NAMESPACE, so the file's own default is what is read. */
const { DEMO_NAMESPACE: _, DEMO_CELERY_BROKER: __, DEMO_DRAMATIQ_BROKER: ___, ...env } = process.env;

/** Compose v1 (Debian's docker-compose 1.29) is the strictest reader of the file our users may have. */
async function compose(...args: string[]): Promise<string> {
  return composeWith({}, ...args);
}

async function composeWith(extraEnv: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  try {
    return (await run('docker-compose', args, { env: { ...env, ...extraEnv }, timeout: 30_000 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('docker-compose is not installed. Install it: apt-get install docker-compose');
    }
    throw error;
  }
}

describe('docker-compose.yml', () => {
  it('validates (docker-compose config -q)', async () => {
    await compose('config', '-q');
  });

  it('runs the brokers, the demo server, a Celery worker and a Dramatiq worker', async () => {
    expect((await compose('config', '--services')).trim().split('\n').sort()).toEqual(
      ['celery-worker', 'demo', 'dramatiq-worker', 'rabbitmq', 'redis'],
    );
  });

  it('gives the server and both workers the same namespace and brokers; both install the pins npm start installs', async () => {
    const config = await compose('config');
    expect(config.match(/DEMO_NAMESPACE: demo/g)).toHaveLength(3);
    // The workers' folder is mounted at /workers, their working directory: requirements.txt is the project's.
    expect(config.match(/pip install [^\n]*-r requirements\.txt/g)).toHaveLength(2);
    expect(config.match(/demo-server\/workers:\/workers:ro/g)).toHaveLength(2);
    const requirements = readFileSync(new URL('../../../demo-server/workers/requirements.txt', import.meta.url), 'utf8');
    expect(requirements).toContain('celery[redis]==5.5.3');
    expect(requirements).toContain('dramatiq[rabbitmq,redis]==2.2.0');
    expect(config).toContain('image: rabbitmq:4.2-management');
  });

  it('puts Celery and Dramatiq on RabbitMQ by default, and on Redis for the server and both workers when asked', async () => {
    const byDefault = await compose('config');
    expect(byDefault.match(/DEMO_CELERY_BROKER: rabbitmq/g)).toHaveLength(3);
    expect(byDefault.match(/DEMO_DRAMATIQ_BROKER: rabbitmq/g)).toHaveLength(3);
    const onRedis = await composeWith({ DEMO_CELERY_BROKER: 'redis', DEMO_DRAMATIQ_BROKER: 'redis' }, 'config');
    expect(onRedis.match(/DEMO_CELERY_BROKER: redis/g)).toHaveLength(3);
    expect(onRedis.match(/DEMO_DRAMATIQ_BROKER: redis/g)).toHaveLength(3);
  });
});
