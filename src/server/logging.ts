import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin, YogaLogger } from 'graphql-yoga';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import { ValidationFailed } from '../domain/errors.js';
import { clientAddress, nodeRequest, truncateAddress } from './client.js';
import { rootFields, safeOperationName } from './operation.js';

export type { Logger };

/** JSON lines on stdout (or `destination`), at the configured level. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({ level: config.logLevel, base: { service: 'icp-filing' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

const PATTERNS: [RegExp, string][] = [
  [/Bearer\s+\S+/gi, 'Bearer [token]'],
  [/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g, '[email]'],
  // Unified social credit codes, organisation codes with a check character, passports and permits.
  [/\b[0-9A-Z]{2}\d{6}[0-9A-Z]{10}\b/g, '[id]'],
  [/\b[A-Z]{1,2}\d{6,10}(?:\(\w\))?/g, '[id]'],
  // Resident IDs, mobiles, phone numbers, codes: any run of six or more digits.
  [/\d[\d\s-]{4,}\d[Xx]?/g, '[number]'],
];

/** Masks what looks like personal data (emails, certificate numbers, phone numbers, tokens) and caps the length. */
export function scrub(text: string): string {
  let out = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  for (const [pattern, mask] of PATTERNS) out = out.replace(pattern, mask);
  return out;
}

/** An error as it may be logged: its kind, code, first message line (scrubbed) and where it was thrown. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { kind: typeof err };
  const frame = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim();
  return {
    name: err.name,
    code: (err as { code?: unknown }).code,
    message: scrub(err.message.split('\n')[0] ?? ''),
    at: frame ? scrub(frame) : undefined,
  };
}

/** Yoga's own log lines through pino, scrubbed. */
export function yogaLogger(logger: Logger): YogaLogger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const errors = args.filter((a) => a instanceof Error).map(describeError);
      const text = args.filter((a) => !(a instanceof Error)).map((a) => scrub(typeof a === 'string' ? a : JSON.stringify(a) ?? ''));
      logger[level]({ source: 'yoga', ...(errors.length ? { errors } : {}) }, text.join(' '));
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

interface RequestState {
  id: string;
  started: number;
  operation?: string | null;
  kind?: string;
  fields?: string[];
  codes: string[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request log: one JSON line per HTTP request and per WebSocket operation, with a request id
 * (taken from a well-formed `x-request-id` header or made up, and echoed back), the operation name and
 * root fields, error codes, status and duration. Never variables, query text or clear addresses.
 */
export class RequestLog {
  private readonly byRequest = new WeakMap<Request, RequestState>();
  /**
   * Unexpected errors masked for the client, by the masked error, until the request they belong to
   * is answered (then logged with its id) or, for results no HTTP request answers (graphql-ws), the
   * next turn of the event loop (logged without one). No AsyncLocalStorage: its promise hooks cost
   * every promise of the process, a subscription fan-out's included.
   */
  private readonly unexpectedErrors = new Map<object, unknown>();

  constructor(
    readonly logger: Logger,
    private readonly trustProxy: boolean,
  ) {}

  /** Logs an error that will reach the client masked ("Unexpected error.") as `masked`, with its request's id when it has one. */
  unexpected(err: unknown, masked: object): void {
    this.unexpectedErrors.set(masked, err);
    setImmediate(() => this.logUnexpected(masked, undefined));
  }

  private logUnexpected(masked: object, reqId: string | undefined): void {
    if (!this.unexpectedErrors.has(masked)) return;
    const err = this.unexpectedErrors.get(masked);
    this.unexpectedErrors.delete(masked);
    this.logger.error({ reqId, err: describeError(err) }, 'unexpected error');
  }

  plugin(): Plugin {
    const describe = (state: RequestState, args: { document: Parameters<typeof rootFields>[0]; operationName?: string | null }) => {
      const root = rootFields(args.document, args.operationName);
      state.operation = safeOperationName(args.operationName) ?? null;
      state.kind = root?.kind;
      state.fields = root?.fields.map((f) => f.name.value);
    };
    const collect = (state: RequestState, result: ExecutionResult) => {
      for (const e of result.errors ?? []) state.codes.push(String(e.extensions?.code ?? 'UNCODED'));
    };
    const wsOperation = (args: { contextValue: unknown; document: Parameters<typeof rootFields>[0]; operationName?: string | null }) => {
      const state: RequestState = { id: randomUUID(), started: performance.now(), codes: [] };
      describe(state, args);
      const address = truncateAddress(clientAddress(nodeRequest(args.contextValue), this.trustProxy));
      return (result?: ExecutionResult) => {
        if (result) collect(state, result);
        this.logger.info({ ...this.fields(state), transport: 'ws', network: address }, 'operation');
      };
    };
    return {
      instrumentation: {
        request: ({ request }, wrapped) => {
          const header = request.headers.get('x-request-id');
          const state: RequestState = { id: header && REQUEST_ID.test(header) ? header : randomUUID(), started: performance.now(), codes: [] };
          this.byRequest.set(request, state);
          return wrapped();
        },
      },
      onExecute: ({ args }) => {
        const request = (args.contextValue as { request?: Request }).request;
        const state = request && this.byRequest.get(request);
        if (state) return void describe(state, args);
        const done = wsOperation(args);
        return { onExecuteDone: ({ result }) => done('errors' in result ? (result as ExecutionResult) : undefined) };
      },
      onSubscribe: ({ args }) => {
        const request = (args.contextValue as { request?: Request }).request;
        const state = request && this.byRequest.get(request);
        if (state) describe(state, args);
        else wsOperation(args)();
      },
      onResultProcess: ({ request, result }) => {
        const state = this.byRequest.get(request);
        for (const r of Array.isArray(result) ? result : [result]) {
          if (!state || !r || !('errors' in r)) continue;
          collect(state, r as ExecutionResult);
          if (this.unexpectedErrors.size) for (const e of (r as ExecutionResult).errors ?? []) this.logUnexpected(e, state.id);
        }
      },
      onResponse: ({ request, response, serverContext }) => {
        const state = this.byRequest.get(request);
        if (!state) return;
        response.headers.set('x-request-id', state.id);
        if (!this.logger.isLevelEnabled('info')) return;
        const url = new URL(request.url, 'http://localhost');
        this.logger.info(
          {
            ...this.fields(state),
            transport: 'http',
            method: request.method,
            path: url.pathname,
            status: response.status,
            network: truncateAddress(clientAddress(nodeRequest(serverContext), this.trustProxy)),
          },
          'request',
        );
      },
    };
  }

  private fields(state: RequestState) {
    return {
      reqId: state.id,
      operation: state.operation ?? undefined,
      kind: state.kind,
      fields: state.fields,
      errors: state.codes.length ? state.codes : undefined,
      ms: Math.round((performance.now() - state.started) * 10) / 10,
    };
  }
}

/** Codes of the errors a resolver may throw that name the client's mistake, where no typed result carries them. */
const CODES: Record<string, string> = {
  NotFound: 'NOT_FOUND',
  ValidationFailed: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  InvalidTransition: 'INVALID_TRANSITION',
  AuthenticationFailed: 'UNAUTHENTICATED',
  // Pothos refusing an argument: a malformed global ID, a bad cursor or page size.
  PothosValidationError: 'BAD_USER_INPUT',
};

const isGraphQLError = (e: unknown): e is GraphQLError => e instanceof GraphQLError || (e instanceof Error && e.name === 'GraphQLError');

/** The innermost error behind a GraphQL error (what a resolver threw). */
function innermost(err: unknown): unknown {
  let e: unknown = err;
  while (isGraphQLError(e) && e.originalError) e = e.originalError;
  return e;
}

/** Whether an error reaching the client is one the code meant to send: a GraphQL error all the way down, or a known one. */
export function isExpected(err: unknown): boolean {
  const e = innermost(err);
  return isGraphQLError(e) || (e instanceof Error && e.name in CODES);
}

/** A known error (NotFound, Conflict, a Pothos argument check…) as the client sees it, with a code; null for anything else. */
export function codedError(err: unknown): GraphQLError | null {
  const e = innermost(err);
  if (!(e instanceof Error) || !(e.name in CODES) || !isGraphQLError(err)) return null;
  if (isGraphQLError(e) && e.extensions?.code) return null;
  // A validation failure outside a typed result still names each field, rule and module.
  const violations =
    e instanceof ValidationFailed
      ? e.violations.map(({ field, rule, module, message, messageEn }) => ({ field, rule, module, message, messageEn }))
      : undefined;
  return new GraphQLError(e.message, {
    nodes: err.nodes,
    source: err.source,
    positions: err.positions,
    path: err.path,
    extensions: { code: CODES[e.name], ...(violations ? { violations } : {}) },
  });
}
