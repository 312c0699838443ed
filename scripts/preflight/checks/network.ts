import { createServer } from 'node:net';
import { exposureWarning } from '../../../demo-server/src/exposure.ts';
import { fail, ok, warn, type Check, type CheckResult } from '../check.ts';

/** Whether `host:port` can be listened on now; the error code when it cannot. */
function canListen(host: string, port: number): Promise<true | string> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Whether what listens there is a demo server: its health route answers with lanes. */
async function demoServerAt(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { lanes?: unknown };
    return Array.isArray(body.lanes);
  } catch {
    return false;
  }
}

const urlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

export const portCheck: Check = {
  id: 'port',
  async run({ config }): Promise<CheckResult> {
    const { host, port } = config;
    const url = urlOf(host, port);
    const answer = await canListen(host, port);
    if (answer === true) return ok('port', `port ${port} on ${host} is free for the demo server`);
    if (answer === 'EADDRINUSE') {
      if (await demoServerAt(url)) {
        return warn('port', `port ${port}: a demo server already answers at ${url}/ (a second npm start there would stop at once)`, `open ${url}/ and use that one, or stop it (Ctrl+C in its terminal), or PORT=${port + 1} npm start`);
      }
      return fail('port', `port ${port} on ${host} is taken by another program`, `PORT=${port + 1} npm start  (who holds it: ss -ltnp 'sport = :${port}')`);
    }
    return fail('port', `cannot listen on ${host}:${port} (${answer})`, 'HOST=127.0.0.1 PORT=3000 npm start');
  },
};

export const bindCheck: Check = {
  id: 'bind',
  async run({ config }) {
    const warning = exposureWarning(config.host);
    if (warning === null) return ok('bind', `binds ${config.host}: only this machine reaches the demo`);
    return warn('bind', warning, 'HOST=127.0.0.1 npm start');
  },
};
