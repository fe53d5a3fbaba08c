/**
 * The development SMS outbox is a development facility: a server started in production mode does
 * not have it in its schema at all (not merely refused), over HTTP or WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness.js';

let prod: TestServer;
beforeAll(async () => {
  // Introspection on, so that the test can also show the type is gone from the schema.
  prod = await startTestServer({ env: { NODE_ENV: 'production', INTROSPECTION: 'true' } });
});
afterAll(async () => {
  await prod?.close();
});

describe('production mode', () => {
  it('has no development SMS outbox: the field and its type are absent from the schema', async () => {
    const res = await prod.gql(`{ developmentSmsOutbox { to code } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "developmentSmsOutbox" on type "Query"/);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const types = await prod.ok(`{ __type(name: "DevelopmentSmsMessage") { name } q: __type(name: "Query") { fields { name } } }`);
    expect(types.__type).toBeNull();
    const fields = types.q.fields.map((f: { name: string }) => f.name);
    expect(fields).not.toContain('developmentSmsOutbox');
    // The rest of the API is all there.
    expect(fields).toEqual(expect.arrayContaining(['orders', 'serverInstances', 'auditTrail', 'viewer']));
  });

  it('refuses the outbox over graphql-ws too', async () => {
    const client = prod.ws();
    const result = await new Promise<{ errors?: readonly { message: string }[] }>((resolve) => {
      const errors: { message: string }[] = [];
      client.subscribe(
        { query: `{ developmentSmsOutbox { code } }` },
        {
          next: (r) => resolve(r as never),
          error: (e) => resolve({ errors: Array.isArray(e) ? e : [...errors, { message: String((e as Error).message ?? e) }] }),
          complete: () => resolve({ errors }),
        },
      );
    });
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "developmentSmsOutbox" on type "Query"/);
  });
});

describe('development mode', () => {
  it('has the outbox in the schema, for signed-in callers only', async () => {
    const dev = await startTestServer();
    try {
      const anonymous = await dev.gql(`{ developmentSmsOutbox { code } }`);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const type = await dev.ok(`{ __type(name: "DevelopmentSmsMessage") { name description } }`);
      expect(type.__type.description).toMatch(/Development only/);
    } finally {
      await dev.close();
    }
  });
});
