import { fileURLToPath } from 'node:url';
import { decodeCeleryEvents } from '../../demo-server/src/lanes/celery-events.ts';
import { celeryNames } from '../../demo-server/src/lanes/celery-topology.ts';
import { countFromExchange, type PythonFramework } from './python-producers.ts';

/**
 * Celery: its own client is `noop.apply_async()` in a loop (celery_producer.py); completions are Celery's
 * own `task-succeeded` events on the app's event exchange, as Flower reads them.
 */
export const celeryFramework: PythonFramework = {
  lane: 'celery',
  producerScript: fileURLToPath(new URL('./celery_producer.py', import.meta.url)),
  producerCall: '',
  completions: (amqpUrl, namespace) =>
    countFromExchange(
      amqpUrl,
      celeryNames(namespace).events,
      'task.#',
      (content) => decodeCeleryEvents(content).filter((event) => event.type === 'task-succeeded').length,
      'Celery tasks succeeded',
    ),
};
