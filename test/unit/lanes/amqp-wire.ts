import { createRequire } from 'node:module';
import type { Options } from 'amqplib';

// amqplib's own argument and frame encoders, which its package exports do not expose: reached by file path.
const require = createRequire(import.meta.url);
const amqplibDir = require.resolve('amqplib').replace(/channel_api\.js$/, 'lib/');
const args = require(`${amqplibDir}api_args.js`) as {
  publish(exchange: string, routingKey: string, options: Options.Publish): Record<string, unknown>;
};
const defs = require(`${amqplibDir}defs.js`) as {
  BasicProperties: number;
  encodeProperties(id: number, channel: number, size: number, fields: Record<string, unknown>): Buffer;
};

/** Frame type, channel and size, then class id, weight and body size: what precedes the property flags. */
const HEADER_FRAME_PREFIX = 7 + 12;

/**
 * The property flags and property list amqplib puts on the wire when it publishes with `options`:
 * the same bytes py-amqp's `_serialize_properties()` returns, for a byte-for-byte comparison.
 */
export function amqpPropertyBytes(options: Options.Publish): Buffer {
  const frame = defs.encodeProperties(defs.BasicProperties, 1, 0, args.publish('', 'queue', options));
  return frame.subarray(HEADER_FRAME_PREFIX, frame.length - 1);
}
