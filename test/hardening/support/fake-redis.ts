/**
 * A tiny in-process Redis (RESP2) with the commands the server uses: pub/sub for order events and
 * MULTI/INCRBY/PEXPIRE/GET for rate-limit counters. It lets the Redis fault tests run on a machine
 * without Redis; with TEST_REDIS_URL set they run against a real one instead.
 */
import { createServer, type Server, type Socket } from 'node:net';

type Reply = string | number | null | Reply[] | { status: string } | { error: string };

function encode(r: Reply): string {
  if (r === null) return '$-1\r\n';
  if (typeof r === 'number') return `:${r}\r\n`;
  if (typeof r === 'string') return `$${Buffer.byteLength(r)}\r\n${r}\r\n`;
  if (Array.isArray(r)) return `*${r.length}\r\n${r.map(encode).join('')}`;
  return 'status' in r ? `+${r.status}\r\n` : `-${r.error}\r\n`;
}

/** Parses complete RESP arrays of bulk strings from `buf`; returns them and the unread rest. */
function parse(buf: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let pos = 0;
  for (;;) {
    const start = pos;
    const line = (): string | null => {
      const end = buf.indexOf('\r\n', pos);
      if (end < 0) return null;
      const s = buf.toString('utf8', pos, end);
      pos = end + 2;
      return s;
    };
    const head = line();
    if (head === null || !head.startsWith('*')) return { commands, rest: buf.subarray(start) };
    const args: string[] = [];
    for (let i = 0, n = Number(head.slice(1)); i < n; i++) {
      const len = line();
      if (len === null || pos + Number(len.slice(1)) + 2 > buf.length) return { commands, rest: buf.subarray(start) };
      args.push(buf.toString('utf8', pos, pos + Number(len.slice(1))));
      pos += Number(len.slice(1)) + 2;
    }
    commands.push(args);
  }
}

export class FakeRedis {
  private readonly server: Server;
  private readonly values = new Map<string, string>();
  private readonly channels = new Map<string, Set<Socket>>();
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor() {
    this.server = createServer((socket) => this.serve(socket));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    let queued: string[][] | null = null;
    const subscribed = new Set<string>();
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const ch of subscribed) this.channels.get(ch)?.delete(socket);
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      const { commands, rest } = parse(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const [name = '', ...args] of commands) {
        const cmd = name.toUpperCase();
        if (queued && cmd !== 'EXEC' && cmd !== 'DISCARD') {
          queued.push([cmd, ...args]);
          socket.write(encode({ status: 'QUEUED' }));
          continue;
        }
        if (cmd === 'MULTI') {
          queued = [];
          socket.write(encode({ status: 'OK' }));
        } else if (cmd === 'EXEC') {
          const replies = queued!.map(([c = '', ...a]) => this.run(c, a));
          queued = null;
          socket.write(encode(replies));
        } else if (cmd === 'DISCARD') {
          queued = null;
          socket.write(encode({ status: 'OK' }));
        } else if (cmd === 'SUBSCRIBE' || cmd === 'UNSUBSCRIBE') {
          for (const ch of args) {
            if (cmd === 'SUBSCRIBE') {
              subscribed.add(ch);
              if (!this.channels.has(ch)) this.channels.set(ch, new Set());
              this.channels.get(ch)!.add(socket);
            } else {
              subscribed.delete(ch);
              this.channels.get(ch)?.delete(socket);
            }
            socket.write(encode([cmd.toLowerCase(), ch, subscribed.size]));
          }
        } else {
          socket.write(encode(this.run(cmd, args)));
        }
      }
    });
  }

  private run(cmd: string, args: string[]): Reply {
    switch (cmd) {
      case 'PING':
        return { status: 'PONG' };
      case 'INFO':
        return '# Server\r\nredis_version:7.2.0\r\nloading:0\r\n';
      case 'CLIENT':
      case 'SELECT':
      case 'QUIT':
        return { status: 'OK' };
      case 'PUBLISH': {
        const subscribers = this.channels.get(args[0]!) ?? new Set();
        for (const s of subscribers) s.write(encode(['message', args[0]!, args[1]!]));
        return subscribers.size;
      }
      case 'INCRBY': {
        const n = Number(this.values.get(args[0]!) ?? 0) + Number(args[1]);
        this.values.set(args[0]!, String(n));
        return n;
      }
      case 'PEXPIRE':
        return 1;
      case 'GET':
        return this.values.get(args[0]!) ?? null;
      default:
        return { error: `ERR unknown command '${cmd}'` };
    }
  }
}
