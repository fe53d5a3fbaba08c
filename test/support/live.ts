/** Watching a subscription end: what a client sees when its session is revoked mid-stream. */
import type { Client } from 'graphql-ws';
import type { GraphQLResponse } from './harness.js';

export interface Watched<T = any> {
  /** Payloads that carried data. */
  events: T[];
  /** Errors of payloads that carried errors. */
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** How the stream ended: `complete`, `close 4401 …`, or `error …`; undefined while it runs. */
  ended: string | undefined;
  /** Settles when the stream ends. */
  done: Promise<string>;
  stop(): void;
}

/** Subscribes over graphql-ws and records every payload and how the stream ends. */
export function watch<T = any>(client: Client, query: string, variables: Record<string, unknown>, field: string): Watched<T> {
  const w: Watched<T> = { events: [], errors: [], ended: undefined, done: Promise.resolve(''), stop: () => {} };
  w.done = new Promise<string>((resolve) => {
    const end = (how: string) => {
      w.ended ??= how;
      resolve(w.ended);
    };
    w.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (r: GraphQLResponse) => {
          if (r.errors?.length) w.errors.push(...r.errors);
          if (r.data?.[field]) w.events.push(r.data[field]);
        },
        error: (e: unknown) => {
          const close = e as { code?: number; reason?: string };
          end(typeof close?.code === 'number' ? `close ${close.code} ${close.reason ?? ''}`.trim() : `error ${JSON.stringify(e)}`);
        },
        complete: () => end('complete'),
      },
    );
  });
  return w;
}

/** Reads a server-sent-events subscription, recording `next` payloads and whether the stream completed. */
export async function sse(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const controller = new AbortController();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const payloads: GraphQLResponse[] = [];
  let completed = false;
  let text = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        text += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, cut);
          text = text.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'complete') completed = true;
          else if (data) payloads.push(JSON.parse(data) as GraphQLResponse);
        }
      }
    } catch {
      // aborted
    }
    completed = true;
  })();
  return {
    status: res.status,
    payloads,
    get completed() {
      return completed;
    },
    done,
    stop: () => controller.abort(),
  };
}

/** Waits until `check` holds, polling; only a safety net bounds the wait (not a timed assertion). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
