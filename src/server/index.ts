import type { RequestListener, Server } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { GraphQLSchema } from 'graphql';
import { maskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { applyServerTimeouts, withBodyLimits } from './http.js';
import { useInputHygiene, useNoIntrospection, useOperationLimits, useRequestErrorCodes } from './limits.js';
import { codedError, describeError, isExpected, RequestLog, yogaLogger, type Logger } from './logging.js';
import { Metrics } from './metrics.js';
import { MemoryCounterStore, RateLimiter, RedisCounterStore, type CounterStore } from './rate-limit.js';
import { useRateLimits } from './rate-rules.js';
import { WebSocketGuard } from './websocket.js';

export type { Logger };

/** Headers that mark a request as sent by script (a browser must preflight them), for CSRF prevention. */
export const CSRF_HEADERS = ['graphql-require-preflight', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-graphql-yoga-csrf'];

export interface Hardening {
  metrics: Metrics;
  websocket: WebSocketGuard;
  /** Yoga options: plugins (put first), logging and error masking. */
  yoga: {
    plugins: Plugin[];
    logging: YogaLogger;
    maskedErrors: { isDev: boolean; maskError: typeof maskError };
  };
  /** Wraps the request handler with body limits. */
  handler(next: RequestListener): RequestListener;
  /** Sets timeouts on the HTTP server. */
  configure(server: Server): void;
  close(): Promise<void>;
}

/**
 * Everything that makes the API safe to expose, in one place (SECURITY.md): operation and input
 * limits, rate limits, CSRF prevention, introspection switch, masked errors, body limits, the
 * request log and metrics, and the WebSocket guard.
 */
export function hardening(config: Config, services: Services, logger: Logger, schema: GraphQLSchema): Hardening {
  const metrics = new Metrics(config, services);
  const log = new RequestLog(logger, config.trustProxy);
  const store: CounterStore | null =
    config.rateLimitStore === 'off'
      ? null
      : config.rateLimitStore === 'redis'
        ? new RedisCounterStore(config.redisUrl!, (err) => logger.warn({ err: describeError(err) }, 'rate-limit store unreachable; counting in this process'))
        : new MemoryCounterStore();
  const limiter = store && new RateLimiter(store, services.clock);

  const plugins: Plugin[] = [
    // Observers first: they see every operation, including the ones refused below.
    log.plugin(),
    ...metrics.plugins(schema),
    useRequestErrorCodes(),
    useCSRFPrevention({ requestHeaders: CSRF_HEADERS }),
    useOperationLimits(),
    ...(config.introspection ? [] : [useNoIntrospection()]),
    useInputHygiene(),
    ...(limiter
      ? [useRateLimits(limiter, config.trustProxy, (r) => metrics.rateLimited.inc({ limit: r.limit.name }))]
      : []),
  ];

  return {
    metrics,
    websocket: new WebSocketGuard(config, services, metrics),
    yoga: {
      plugins,
      logging: yogaLogger(logger),
      maskedErrors: {
        isDev: config.env !== 'production',
        maskError: (error, message, isDev) => {
          const masked = codedError(error) ?? maskError(error, message, isDev);
          if (!isExpected(error)) log.unexpected(error, masked);
          return masked;
        },
      },
    },
    handler: (next) => withBodyLimits(next, config),
    configure: applyServerTimeouts,
    close: async () => {
      await limiter?.close();
    },
  };
}
