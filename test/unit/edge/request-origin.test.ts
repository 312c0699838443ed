import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HostAllowlist } from '../../../demo-server/src/edge/host-allowlist.ts';
import { stateChangeVerdict, upgradeVerdict } from '../../../demo-server/src/edge/origin.ts';

function fromPeer(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  return { headers: { host: '127.0.0.1:3000', ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('the Host allowlist', () => {
  const hosts = new HostAllowlist('127.0.0.1');
  hosts.listening(3000);

  it('answers to the loopback names and the bound address, on the bound port only', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST:3000']) expect(hosts.allows(host), host).toBe(true);
    for (const host of ['evil.example:3000', 'localhost:3001', 'localhost', 'localhost.:3000', '127.0.0.2:3000', '', 'localhost:3000:1', '[::1]', 'a b:3000']) {
      expect(hosts.allows(host), host).toBe(false);
    }
    expect(hosts.allows(undefined)).toBe(false);
  });

  it('takes the address it is bound to and, later, the audience address', () => {
    const lan = new HostAllowlist('::1');
    lan.listening(80);
    expect(lan.allows('[::1]')).toBe(true);
    expect(lan.allows('192.168.1.20')).toBe(false);
    lan.add('192.168.1.20');
    expect(lan.allows('192.168.1.20')).toBe(true);
    expect(lan.allows('192.168.1.20:80')).toBe(true);
  });
});

describe('who may change the demo', () => {
  it('lets programs without an Origin in from this machine only', () => {
    for (const peer of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1']) expect(stateChangeVerdict(fromPeer(peer, {})).allowed, peer).toBe(true);
    for (const peer of ['192.168.1.30', '::ffff:10.0.0.2', '']) expect(stateChangeVerdict(fromPeer(peer, {})).allowed, peer).toBe(false);
  });

  it('lets the deck in from anywhere its browser says it is itself', () => {
    expect(stateChangeVerdict(fromPeer('192.168.1.30', { origin: 'http://127.0.0.1:3000' })).allowed).toBe(true);
    expect(stateChangeVerdict(fromPeer('192.168.1.30', { 'sec-fetch-site': 'same-origin' })).allowed).toBe(true);
    expect(stateChangeVerdict(fromPeer('127.0.0.1', { origin: 'http://127.0.0.1:3001' })).allowed).toBe(false);
    expect(stateChangeVerdict(fromPeer('127.0.0.1', { origin: 'ftp://127.0.0.1:3000' })).allowed).toBe(false);
    expect(stateChangeVerdict(fromPeer('127.0.0.1', { origin: 'http://127.0.0.1:3000, http://evil.example' })).allowed).toBe(false);
    expect(stateChangeVerdict(fromPeer('127.0.0.1', { origin: '%%' })).allowed).toBe(false);
    expect(stateChangeVerdict(fromPeer('127.0.0.1', { 'sec-fetch-site': 'none' })).allowed).toBe(false);
  });

  it('lets WebSocket clients without an Origin in from this machine only', () => {
    expect(upgradeVerdict(fromPeer('127.0.0.1', {})).allowed).toBe(true);
    expect(upgradeVerdict(fromPeer('192.168.1.30', {})).allowed).toBe(false);
    expect(upgradeVerdict(fromPeer('192.168.1.30', { origin: 'http://127.0.0.1:3000' })).allowed).toBe(true);
    expect(upgradeVerdict(fromPeer('127.0.0.1', { origin: 'https://evil.example' })).allowed).toBe(false);
  });
});
