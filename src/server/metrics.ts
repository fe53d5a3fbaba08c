import { timingSafeEqual } from 'node:crypto';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { clientAddress, isLoopback, nodeRequest } from './client.js';
import { rootFields } from './operation.js';

/** Error codes the API sends; anything else is counted as OTHER, so a client cannot invent label values. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'LENGTH_REQUIRED',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * Prometheus metrics: yoga's operation, error and latency metrics (labelled by operation type, not
 * by client-chosen operation names or URLs), plus counters per root field and error code, open
 * subscriptions and WebSocket connections, and refused requests per rate limit.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly rateLimited = new Counter({
    name: 'icp_rate_limited_total',
    help: 'Operations refused by a rate limit',
    labelNames: ['limit'],
    registers: [this.registry],
  });
  readonly websocketConnections = new Gauge({
    name: 'icp_websocket_connections_open',
    help: 'Open graphql-ws connections',
    registers: [this.registry],
  });
  private readonly fields = new Counter({
    name: 'icp_graphql_root_fields_total',
    help: 'Top-level fields run, per operation kind and field',
    labelNames: ['kind', 'field'],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'icp_graphql_errors_total',
    help: 'GraphQL errors sent, per code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  constructor(
    private readonly config: Pick<Config, 'metricsToken' | 'trustProxy'>,
    services: Pick<Services, 'hub'>,
  ) {
    new Gauge({
      name: 'icp_subscriptions_open',
      help: 'Open order-event subscriptions (WebSocket and SSE)',
      registers: [this.registry],
      collect() {
        this.set(services.hub.size);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  plugins(schema: GraphQLSchema): Plugin[] {
    const countErrors = (result: ExecutionResult) => {
      for (const e of result.errors ?? []) {
        const code = String(e.extensions?.code ?? '');
        this.errors.inc({ code: KNOWN_CODES.has(code) ? code : 'OTHER' });
      }
    };
    return [
      usePrometheus({
        registry: this.registry,
        endpoint: false,
        labels: { operationName: false, url: false, path: false },
        metrics: {
          // The duration histogram answers the same questions; a summary computes quantiles on every observation.
          graphql_envelop_request_time_summary: false,
          // Walks every operation with type information: worth it only while the schema deprecates something.
          graphql_envelop_deprecated_field: deprecates(schema),
        },
      }),
      {
        onExecute: ({ args }) => {
          const root = rootFields(args.document, args.operationName);
          for (const f of root?.fields ?? []) this.fields.inc({ kind: root!.kind, field: f.name.value });
          // HTTP results are counted once, when they are sent; WebSocket ones here.
          if ((args.contextValue as { request?: unknown }).request) return;
          return { onExecuteDone: ({ result }) => void ('errors' in result && countErrors(result as ExecutionResult)) };
        },
        onSubscribe: ({ args }) => {
          const root = rootFields(args.document, args.operationName);
          for (const f of root?.fields ?? []) this.fields.inc({ kind: root!.kind, field: f.name.value });
        },
        onResultProcess: ({ result }) => {
          for (const r of Array.isArray(result) ? result : [result]) if (r && 'errors' in r) countErrors(r as ExecutionResult);
        },
        onRequest: ({ url, request, serverContext, endResponse, fetchAPI }) => {
          if (url.pathname !== '/metrics') return;
          if (!this.mayRead(request.headers.get('authorization'), clientAddress(nodeRequest(serverContext), this.config.trustProxy))) {
            endResponse(new fetchAPI.Response('Not found', { status: 404 }));
            return;
          }
          return this.registry.metrics().then((text) => {
            endResponse(new fetchAPI.Response(text, { headers: { 'content-type': this.registry.contentType } }));
          });
        },
      },
    ];
  }

  /** With METRICS_TOKEN only its bearer may read the metrics; without it, only this machine. */
  private mayRead(authorization: string | null, address: string | null): boolean {
    if (!this.config.metricsToken) return isLoopback(address);
    const expected = Buffer.from(`Bearer ${this.config.metricsToken}`);
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Whether the schema deprecates a field, an argument, an input field or an enum value. */
export function deprecates(schema: GraphQLSchema): boolean {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) if (f.deprecationReason != null || f.args.some((a) => a.deprecationReason != null)) return true;
    } else if (isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) if (f.deprecationReason != null) return true;
    } else if (isEnumType(type)) {
      if (type.getValues().some((v) => v.deprecationReason != null)) return true;
    }
  }
  return false;
}
