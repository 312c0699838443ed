const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

/** What to tell the speaker when the server listens beyond this machine, or null when it does not. */
export function exposureWarning(host: string): string | null {
  if (loopback.has(host)) return null;
  return `HOST=${host}: anyone who can reach this address can run jobs (rate-limited) and watch the demo. Use HOST=127.0.0.1 unless you mean it.`;
}
