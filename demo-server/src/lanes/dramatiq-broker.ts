import type { JobSpec } from '../protocol/index.ts';
import type { DramatiqMessage } from './dramatiq-message.ts';
import type { BrokerDown, JobEventSink, SentJobSink } from './lane.ts';

/** What the Dramatiq lane hears from its workers' LifecycleEvents middleware, through the broker. */
export interface DramatiqBrokerListener {
  /** A batch of job events, as the middleware wrote it. */
  events(body: Buffer): void;
  /** A worker's heartbeat, as the middleware wrote it. */
  heartbeat(body: string): void;
}

export interface DramatiqMessageBurst {
  job: JobSpec;
  count: number;
  /** Hears each message's id as it is sent. */
  sent?: SentJobSink;
  /** The validated message `actor.send()` would build for a fresh message id, stamped now. */
  message(messageId: string): DramatiqMessage;
  emit: JobEventSink;
}

/** The broker under the Dramatiq lane, as Dramatiq has RabbitmqBroker and RedisBroker. */
export interface DramatiqBroker {
  /** For the panel: which broker carries the messages. */
  readonly label: string;
  /** Connects and starts listening; resolves even when the broker is unreachable. */
  start(): Promise<void>;
  down(): BrokerDown | undefined;
  publishMessages(burst: DramatiqMessageBurst): Promise<{ accepted: number; cutShort?: Error }>;
  /** Empties the queue, its delay queue and its dead letters. Throws when the broker is away. */
  purge(): Promise<void>;
  close(): Promise<void>;
}
