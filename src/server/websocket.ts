import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context as WsContext, ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { bearerToken, resolveSession } from '../auth/sessions.js';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { clientAddress } from './client.js';
import type { Metrics } from './metrics.js';

export const WEBSOCKET_LIMITS = {
  /** Open connections from one address. */
  connectionsPerAddress: 100,
  /** Operations running at once on one connection. */
  operationsPerConnection: 20,
  /** Time to send `connection_init` after opening the socket. */
  initTimeoutMs: 10_000,
} as const;

/** 1013 "Try Again Later": the server is refusing this connection for now. */
const TRY_AGAIN_LATER = 1013;
/** graphql-ws's "Unauthorized": the socket's session ended (signed out, disabled, password changed, expired). */
export const SESSION_ENDED_CLOSE = 4401;

/**
 * graphql-ws hardening: a bad token in `connection_init` closes the socket with 4403 (a missing
 * one is fine: such a client can only run public operations), and a socket whose session ends later
 * is closed with 4401; an address may hold a bounded number
 * of sockets and each socket a bounded number of operations; messages are at most BODY_LIMIT_BYTES.
 */
export class WebSocketGuard {
  private readonly perAddress = new Map<string, number>();

  constructor(
    private readonly config: Pick<Config, 'bodyLimitBytes' | 'trustProxy'>,
    private readonly services: Pick<Services, 'db' | 'clock' | 'sessions'>,
    private readonly metrics: Metrics,
  ) {}

  /** Options for `new WebSocketServer`. */
  get serverOptions() {
    return { maxPayload: this.config.bodyLimitBytes };
  }

  /** Options for graphql-ws `useServer`. */
  get protocolOptions(): Pick<ServerOptions, 'connectionInitWaitTimeout' | 'onConnect'> {
    return {
      connectionInitWaitTimeout: WEBSOCKET_LIMITS.initTimeoutMs,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        if (header === undefined || header === null) return true;
        const token = typeof header === 'string' ? bearerToken(header) : null;
        if (!token) return false;
        const viewer = await resolveSession(this.services.db, token, this.services.clock.now());
        if (!viewer) return false;
        // The socket lives as long as its session: when the session ends, the socket closes with 4401.
        const socket = (ctx.extra as { socket: WebSocket }).socket;
        const untrack = this.services.sessions.track(viewer.sessionId, () => socket.close(SESSION_ENDED_CLOSE, 'Session ended'));
        socket.once('close', untrack);
        return true;
      },
    };
  }

  /** Counts sockets per address and closes those over the limit. */
  attach(wss: WebSocketServer): void {
    wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
      const address = clientAddress(req, this.config.trustProxy) ?? 'unknown';
      const open = (this.perAddress.get(address) ?? 0) + 1;
      this.perAddress.set(address, open);
      this.metrics.websocketConnections.inc();
      socket.once('close', () => {
        const left = (this.perAddress.get(address) ?? 1) - 1;
        if (left > 0) this.perAddress.set(address, left);
        else this.perAddress.delete(address);
        this.metrics.websocketConnections.dec();
      });
      if (open > WEBSOCKET_LIMITS.connectionsPerAddress) socket.close(TRY_AGAIN_LATER, 'Too many connections from this address');
    });
  }

  /** Refuses an operation on a socket already running the most it may; undefined admits it. */
  admit(ctx: WsContext): GraphQLError[] | undefined {
    // graphql-ws has already reserved a slot for the operation being admitted.
    if (Object.keys(ctx.subscriptions).length <= WEBSOCKET_LIMITS.operationsPerConnection) return undefined;
    return [
      new GraphQLError(`At most ${WEBSOCKET_LIMITS.operationsPerConnection} operations at once on one connection`, {
        extensions: { code: 'RATE_LIMITED' },
      }),
    ];
  }
}
