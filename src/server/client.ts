import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The client's address for one request: the socket's peer, or the last proxy hop when a proxy is trusted. */
export function clientAddress(req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (!req) return null;
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',');
    const last = hops[hops.length - 1]?.trim();
    if (last && isIP(stripMapped(last))) return stripMapped(last);
  }
  const peer = req.socket?.remoteAddress;
  return peer ? stripMapped(peer) : null;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so one client has one address whichever stack it came in on. */
function stripMapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function isLoopback(address: string | null): boolean {
  return address !== null && (address === '::1' || address.startsWith('127.'));
}

/** The network an address belongs to (IPv4 /24, IPv6 /48): enough to spot a pattern in logs, not to name a person. */
export function truncateAddress(address: string | null): string | null {
  if (!address) return null;
  if (isIP(address) === 4) return address.split('.').slice(0, 3).concat('0').join('.') + '/24';
  if (isIP(address) === 6) {
    const groups = expandIpv6(address).slice(0, 3);
    return `${groups.join(':')}::/48`;
  }
  return null;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right];
}

/** The Node request behind a yoga or graphql-ws context, when there is one. */
export function nodeRequest(context: unknown): IncomingMessage | undefined {
  const req = (context as { req?: unknown } | null | undefined)?.req;
  return req && typeof req === 'object' && 'socket' in req ? (req as IncomingMessage) : undefined;
}
