/** Names every machine gives itself: a deck opened on the speaker's laptop uses one of these. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** `name` or `name:port`, where a name is a DNS name, an IPv4 address or a bracketed IPv6 address. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * The `Host` values this server answers to: the loopback names and the address it is bound to, each
 * with the port it listens on. A page whose own name was re-pointed at 127.0.0.1 (DNS rebinding)
 * still sends its own name as Host, so it is refused before it can read or change anything.
 * Audience mode adds the LAN address the phones use with `add`.
 */
export class HostAllowlist {
  private readonly names = new Set<string>(LOOPBACK_NAMES);
  private port: number | undefined;

  constructor(boundHost: string) {
    this.add(boundHost);
  }

  /** Lets requests that name this host (a name or an IP address; IPv6 with or without brackets) in. */
  add(host: string): void {
    const name = host.toLowerCase();
    this.names.add(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  }

  /** The port is known once the server listens (tests ask for any free one). */
  listening(port: number): void {
    this.port = port;
  }

  allows(hostHeader: string | undefined): boolean {
    if (hostHeader === undefined || this.port === undefined) return false;
    const match = HOST_HEADER.exec(hostHeader.toLowerCase());
    if (!match) return false;
    const port = match[2] === undefined ? 80 : Number(match[2]);
    return port === this.port && this.names.has(match[1]!);
  }

  /** For the refusal's message: where the deck can be opened. */
  describe(): string {
    return [...this.names].map((name) => `${name}:${this.port ?? '?'}`).join(', ');
  }
}
