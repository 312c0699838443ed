import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { answerRawAndClose } from './raw-answer.ts';

/** A client has this long to send its headers, and its whole request: a stalled one holds a socket, no more. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Requests Node's HTTP parser cannot read (a broken request line, a bad header, headers beyond 16 KB,
 * a client that stalls) are answered with a JSON 4xx and closed; a reset connection is just let go.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    logger.debug({ err: error }, 'unreadable request');
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return void socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      return answerRawAndClose(socket, 431, 'headers_too_large', 'Request headers are limited to 16 KB.');
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      return answerRawAndClose(socket, 408, 'request_timeout', `Send the whole request within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    }
    answerRawAndClose(socket, 400, 'bad_request', 'This is not an HTTP/1.1 request the server can read.');
  });
}
