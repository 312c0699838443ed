/**
 * Where Python workers on a Redis broker report job events and heartbeats (demo_reporting.py): a
 * capped stream whose entries carry what the AMQP events exchange carries, the routing key
 * (`job.<lane>`, `worker.<lane>`) and the JSON body. A stream, not pub/sub, so a server that
 * reconnects reads on from the last entry it saw.
 */
export const redisEventStream = (namespace: string) => `${namespace}:worker-events`;

/** The fields of one entry, as XADD was given them. */
export const redisEventFields = { key: 'key', body: 'body' } as const;
