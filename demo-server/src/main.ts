import { loadConfig } from './config.ts';
import { exposureWarning } from './exposure.ts';
import { createLogger } from './logger.ts';
import { startDemoServer } from './server.ts';

const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);

const warning = exposureWarning(config.host);
if (warning) logger.warn(warning);

try {
  const server = await startDemoServer(config, logger);
  for (const lane of server.hub.lanes()) {
    const health = lane.health();
    if (health.status === 'up') logger.info(`lane ${lane.name}: up`);
    else logger.warn(`lane ${lane.name}: down: ${health.detail}. ${health.hint ?? ''}`);
  }
  logger.info(`The talk is live at ${server.url}/  (press p for presenter view; Ctrl+C to stop)`);
  const shutdown = () => {
    logger.info('stopping');
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  logger.fatal((error as Error).message);
  process.exit(1);
}
