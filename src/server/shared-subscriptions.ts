/**
 * Shared subscription execution: an event that wakes a thousand subscribers of the same document is
 * executed once per (event, document, variables, viewer class) and the result handed to each of them,
 * instead of a thousand times.
 *
 * Each subscriber keeps its own source stream (its cursor, its session check, its authorisation when it
 * subscribed); only the per-event execution of the selection set is shared. The viewer class is the
 * viewer's role (and, for an applicant, the account: applicants see only their own orders). Answers
 * that depend on who exactly is asking are never shared: the shared execution runs with a viewer
 * whose `accountId` and `sessionId` are watched, and if any resolver reads them (ownership checks,
 * audited disclosures, signed links) the answer goes to the subscriber it was computed for only and
 * every other subscriber executes the event for itself, with its own context, as without sharing.
 *
 * A shared answer is kept for a short while after it settles (`retainMs`): subscribers woken by one
 * event are served in one burst. A subscriber that comes later executes again, which is correct
 * (the same event against the then-current rows) and only costs time.
 */
import { initContextCache } from '@pothos/core';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  Kind,
  print,
  type OperationDefinitionNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/sessions.js';

export interface SharedSubscriptionOptions {
  /**
   * A key naming the event a payload carries (the same event reaches each subscriber as its own
   * object), or undefined for payloads that must be executed per subscriber.
   */
  eventKey: (payload: unknown) => string | undefined;
  /** How long a settled answer stays available to late subscribers (ms). */
  retainMs?: number;
}

interface SharedAnswer {
  result: ExecutionResult;
  /** The execution read the viewer's identity: the answer belongs to `owner` alone. */
  personal: boolean;
  owner: object;
}

type Context = { viewer?: Viewer | null; integration?: { id: string } | null } & Record<PropertyKey, unknown>;

const documentKeys = new WeakMap<DocumentNode, string>();

function documentKey(document: DocumentNode): string {
  let key = documentKeys.get(document);
  if (key === undefined) {
    key = print(document);
    documentKeys.set(document, key);
  }
  return key;
}

/** Who may share an answer: same role (and integration), and for an applicant the same account. */
function viewerClass(ctx: Context): string {
  const v = ctx.viewer;
  const integration = ctx.integration ? `i:${ctx.integration.id}` : '';
  if (!v) return `anonymous|${integration}`;
  return v.role === 'APPLICANT' ? `APPLICANT:${v.accountId}|${integration}` : `${v.role}|${integration}`;
}

/** The viewer with its identity fields watched: reading them marks the execution as personal. */
function watchedViewer(viewer: Viewer, seen: { identity: boolean }): Viewer {
  return {
    role: viewer.role,
    get accountId() {
      seen.identity = true;
      return viewer.accountId;
    },
    get sessionId() {
      seen.identity = true;
      return viewer.sessionId;
    },
  };
}

/** Maps a source stream through `fn`, passing `return` and `throw` on (graphql-ws ends streams with `return`). */
function mapStream<T, R>(
  source: AsyncIterator<T>,
  fn: (value: T) => Promise<R>,
  onSourceError: (error: unknown) => unknown,
): AsyncIterableIterator<R> {
  const iterator: AsyncIterableIterator<R> = {
    async next() {
      let step: IteratorResult<T>;
      try {
        step = await source.next();
      } catch (error) {
        throw onSourceError(error);
      }
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await fn(step.value) };
    },
    return: async (value?: unknown) => {
      await source.return?.(value);
      return { done: true, value: undefined };
    },
    throw: async (error?: unknown) => {
      if (source.throw) await source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function useSharedSubscriptions(options: SharedSubscriptionOptions): Plugin {
  const retainMs = options.retainMs ?? 2_000;
  const answers = new Map<string, Promise<SharedAnswer>>();

  const forget = (key: string) => {
    const timer = setTimeout(() => answers.delete(key), retainMs);
    timer.unref();
  };

  const subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
    const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const operation = args.document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
    );
    const ctx = args.contextValue as Context;
    const owner = {};
    const classKey = `${documentKey(args.document)}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}|${viewerClass(ctx)}`;
    const own = (payload: unknown) => execute({ ...args, rootValue: payload }) as Promise<ExecutionResult> | ExecutionResult;

    const shared = async (payload: unknown): Promise<SharedAnswer> => {
      const seen = { identity: false };
      const viewer = ctx.viewer ? watchedViewer(ctx.viewer, seen) : ctx.viewer;
      // A context of its own: fresh Pothos caches, the watched viewer; services and request data as the subscriber's.
      const contextValue = { ...ctx, ...initContextCache(), viewer };
      const result = await execute({ ...args, contextValue, rootValue: payload });
      return { result, personal: seen.identity, owner };
    };

    const perEvent = async (payload: unknown): Promise<ExecutionResult> => {
      const event = options.eventKey(payload);
      if (event === undefined) return own(payload);
      const key = `${event}|${classKey}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = shared(payload);
        answers.set(key, answer);
        answer.then(
          () => forget(key),
          () => answers.delete(key),
        );
      }
      let settled: SharedAnswer;
      try {
        settled = await answer;
      } catch {
        return own(payload);
      }
      if (settled.personal && settled.owner !== owner) return own(payload);
      // A copy per subscriber: later hooks may replace its parts, never another subscriber's.
      return { ...settled.result };
    };

    // As yoga's executor does: an error of the stream itself is located at the operation.
    return mapStream(source, perEvent, (error) =>
      new GraphQLError(error instanceof Error ? error.message : String(error), {
        originalError: error instanceof Error ? error : undefined,
        nodes: operation ? [operation] : undefined,
      }),
    );
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe as never);
    },
  };
}
