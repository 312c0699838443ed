import type { JobSpec } from '../protocol/index.ts';
import type { ControlMethod } from './celery-control.ts';
import type { CeleryMessage } from './celery-message.ts';
import type { BrokerDown, JobEventSink, SentJobSink } from './lane.ts';

/** What the Celery lane hears from its broker: task and worker events, and answers to `stats`. */
export interface CeleryBrokerListener {
  /** One message from the event exchange, its body as the worker wrote it. */
  events(body: Buffer): void;
  /** One worker's answer to `stats`, its body as the worker wrote it. */
  statsReply(body: Buffer): void;
}

export interface CeleryTaskBurst {
  job: JobSpec;
  count: number;
  /** Hears each message's id as it is sent. */
  sent?: SentJobSink;
  /** The validated message for a fresh task id, as Celery's client would send it. */
  message(taskId: string): CeleryMessage;
  emit: JobEventSink;
}

/**
 * The transport under the Celery lane, as kombu has one per broker: RabbitMQ (py-amqp) or
 * Redis. Same tasks, same events, same control commands; only how they travel differs.
 */
export interface CeleryBroker {
  /** For the panel: which broker carries the tasks. */
  readonly label: string;
  /** Connects and starts listening; resolves even when the broker is unreachable. */
  start(): Promise<void>;
  down(): BrokerDown | undefined;
  publishTasks(burst: CeleryTaskBurst): Promise<{ accepted: number; cutShort?: Error }>;
  /** Broadcasts a control command (to `destination` only, when given); dropped while disconnected. */
  control(method: ControlMethod, destination?: string[]): void;
  /** Empties the task queue. Throws when the broker is away. */
  purge(): Promise<void>;
  close(): Promise<void>;
}
