import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { DemoConfig } from './config.ts';
import { answerClientErrors } from './edge/client-errors.ts';
import { HostAllowlist } from './edge/host-allowlist.ts';
import { createHttpApp } from './edge/http-app.ts';
import { WsBroadcaster } from './edge/ws-broadcaster.ts';
import { ExtraWorkers } from './lanes/extra-workers.ts';
import { createLane, serverLanes, type ServerLane } from './lanes/index.ts';
import { LaneHub } from './monitor/lane-hub.ts';
import { LaneMonitor } from './monitor/lane-monitor.ts';
import { DemoBoard } from './scenarios/demo-board.ts';
import { createDemoScenarios } from './scenarios/demos.ts';
import { PacedProducer } from './scenarios/paced-producer.ts';

export interface DemoServer {
  /** Where the deck and API answer, e.g. http://127.0.0.1:3000 */
  url: string;
  hub: LaneHub;
  demos: DemoBoard;
  stop(): Promise<void>;
}

/** Starts lanes, HTTP and the WebSocket; `stop()` undoes it in reverse, once, however often it is called. */
export async function startDemoServer(
  config: DemoConfig,
  logger: Logger,
  lanes: readonly ServerLane[] = serverLanes,
): Promise<DemoServer> {
  const hub = new LaneHub();
  for (const name of lanes) {
    const monitor = new LaneMonitor();
    const lane = createLane(name, config, (event) => monitor.record(event), logger);
    hub.add(lane, monitor, new PacedProducer(lane, logger.child({ lane: name, part: 'producer' })));
  }
  const extraWorkers = new ExtraWorkers(config, logger);
  await Promise.all(hub.lanes().map((lane) => lane.start()));
  const demos = new DemoBoard(createDemoScenarios({ hub, config, extraWorkers, logger: logger.child({ part: 'demo' }) }));
  await demos.start();
  hub.showDemos(demos);

  const broadcaster = new WsBroadcaster(hub, logger.child({ part: 'ws' }));
  const hosts = new HostAllowlist(config.host);
  const app = createHttpApp({
    hub,
    demos,
    extraWorkers,
    hosts,
    clientCount: () => broadcaster.clientCount(),
    deckDir: config.deckDir,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logger,
  });
  const server = createServer(app);
  answerClientErrors(server, logger.child({ part: 'http' }));
  broadcaster.attach(server, hosts);
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  hosts.listening(port);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await broadcaster.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const lane of hub.lanes()) hub.producer(lane.name)?.stop();
      await demos.stop();
      await extraWorkers.stop();
      for (const lane of hub.lanes().reverse()) await lane.close();
    })());

  return { url: `http://${host}:${port}`, hub, demos, stop };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is taken: stop the other demo server or start with PORT=3001 npm start`));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
