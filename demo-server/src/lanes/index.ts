import type { Logger } from 'pino';
import type { LaneName } from '../protocol/index.ts';
import type { DemoConfig } from '../config.ts';
import { BullmqLane } from './bullmq.ts';
import { CeleryLane } from './celery.ts';
import { DramatiqLane } from './dramatiq.ts';
import type { JobEventSink, Lane } from './lane.ts';
import { MemoryLane } from './memory.ts';
import { RabbitmqLane } from './rabbitmq.ts';

/** The lanes this server runs, in the order panels show them. */
export const serverLanes = ['memory', 'bullmq', 'rabbitmq', 'celery', 'dramatiq'] as const satisfies readonly LaneName[];
export type ServerLane = (typeof serverLanes)[number];

export function createLane(name: ServerLane, config: DemoConfig, emit: JobEventSink, logger: Logger): Lane {
  switch (name) {
    case 'memory':
      return new MemoryLane(emit);
    case 'bullmq':
      return new BullmqLane({
        redisUrl: config.redisUrl,
        namespace: config.namespace,
        workerConcurrency: config.workerConcurrency,
        emit,
        logger: logger.child({ lane: name }),
      });
    case 'rabbitmq':
      return new RabbitmqLane({
        amqpUrl: config.amqpUrl,
        namespace: config.namespace,
        workerConcurrency: config.workerConcurrency,
        emit,
        logger: logger.child({ lane: name }),
      });
    case 'celery':
      return new CeleryLane({
        broker: config.celeryBroker,
        amqpUrl: config.amqpUrl,
        redisUrl: config.redisUrl,
        namespace: config.namespace,
        workerConcurrency: config.workerConcurrency,
        python: config.python,
        emit,
        logger: logger.child({ lane: name }),
      });
    case 'dramatiq':
      return new DramatiqLane({
        broker: config.dramatiqBroker,
        amqpUrl: config.amqpUrl,
        redisUrl: config.redisUrl,
        namespace: config.namespace,
        workerConcurrency: config.workerConcurrency,
        python: config.python,
        emit,
        logger: logger.child({ lane: name }),
      });
  }
}
