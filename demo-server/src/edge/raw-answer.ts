import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../protocol/index.ts';

/**
 * Answers on a bare socket, where no express response exists (a refused WebSocket handshake, a
 * request Node's parser could not read), in the same JSON shape as every other error, then closes it.
 * The caller has put an `error` listener on the socket first: a client may reset it at any time.
 */
export function answerRawAndClose(socket: Duplex, status: number, code: string, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body: ErrorBody = { error: { code, message } };
  const json = JSON.stringify(body);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
}
