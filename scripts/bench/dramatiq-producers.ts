import { fileURLToPath } from 'node:url';
import { decodeEventBatch } from '../../demo-server/src/lanes/amqp-events.ts';
import { amqpNames, eventRoutingKey } from '../../demo-server/src/lanes/amqp-topology.ts';
import { countFromExchange, type PythonFramework } from './python-producers.ts';

/**
 * Dramatiq: its own client is `noop.send()` in a loop (dramatiq_producer.py, RabbitmqBroker's defaults);
 * completions are what the worker's LifecycleEvents middleware reports on the demo's events exchange,
 * whoever sent the job.
 */
export const dramatiqFramework: PythonFramework = {
  lane: 'dramatiq',
  producerScript: fileURLToPath(new URL('./dramatiq_producer.py', import.meta.url)),
  producerCall: '(actor.send)',
  completions: (amqpUrl, namespace) =>
    countFromExchange(
      amqpUrl,
      amqpNames(namespace).events,
      eventRoutingKey('dramatiq'),
      (content) => decodeEventBatch(content).filter((event) => event.type === 'completed').length,
      'Dramatiq jobs completed',
    ),
};
