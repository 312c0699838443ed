import { fileURLToPath } from 'node:url';
import { decodeEventBatch } from '../../demo-server/src/lanes/amqp-events.ts';
import { amqpNames, eventRoutingKey } from '../../demo-server/src/lanes/amqp-topology.ts';
import { countFromExchange, type PythonFramework } from './python-producers.ts';

const producerScript = fileURLToPath(new URL('./dramatiq_producer.py', import.meta.url));

const completions: PythonFramework['completions'] = (amqpUrl, namespace) =>
  countFromExchange(
    amqpUrl,
    amqpNames(namespace).events,
    eventRoutingKey('dramatiq'),
    (content) => decodeEventBatch(content).filter((event) => event.type === 'completed').length,
    'Dramatiq jobs completed',
  );

/**
 * Dramatiq: its own client is `noop.send()` in a loop (dramatiq_producer.py); completions are what the
 * worker's LifecycleEvents middleware reports on the demo's events exchange, whoever sent the job.
 * RabbitmqBroker's default sends and forgets; the lane answers only once RabbitMQ confirmed each job,
 * as `confirm_delivery=True` does: both are measured.
 */
export const dramatiqFrameworks: PythonFramework[] = [
  { lane: 'dramatiq', producerScript, producerCall: 'actor.send', completions },
  { lane: 'dramatiq', producerScript, producerCall: 'actor.send, confirm_delivery=True', producerEnv: { DRAMATIQ_CONFIRM_DELIVERY: '1' }, completions },
];
