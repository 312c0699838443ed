import { connect } from 'node:net';

/** How a raw request leaves the client: whole, cut off with a half-close, or cut off with a TCP reset. */
export type RawEnding = 'whole' | 'truncated' | 'reset';

export interface RawExchange {
  /** The status of the server's answer, or null when it closed without one (or we reset first). */
  status: number | null;
  /** The server's bytes as text, for a failure message. */
  answer: string;
}

/**
 * Sends exactly `bytes` over a fresh TCP connection, as a hostile client would: no HTTP library in
 * the way to fix a request line or a header. A `truncated` request sends a prefix and half-closes,
 * a `reset` one sends a prefix and resets the connection. Resolves with the server's answer once its
 * headers are in, or when it closed, or after `waitMs` (it may still wait for the rest of a body).
 */
export function rawExchange(port: number, bytes: Buffer, ending: RawEnding, waitMs = 2_000): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const answer = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      resolve({ status: status ? Number(status[1]) : null, answer: answer.slice(0, 300) });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A whole status line and headers are all we judge; a kept-alive or upgraded socket stays open.
      if (Buffer.concat(chunks).includes('\r\n\r\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      if (ending === 'whole') {
        socket.write(bytes);
        return;
      }
      const cut = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
      socket.write(cut, () => {
        if (ending === 'truncated') socket.end();
        else socket.resetAndDestroy();
      });
    });
  });
}
