import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { loadConfig } from '../src/config.js';
import { startServer } from './hardening/support/server.js';
import { startTestServer, type TestServer } from './support/harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const SIGN_IN = /* GraphQL */ `
  mutation ($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on SessionPayload { token account { email role } }
      ... on AuthenticationError { message }
    }
  }
`;

describe('operator endpoints', () => {
  it('answers liveness and readiness', async () => {
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${s.url}/ready`);
    expect(ready.status).toBe(200);
  });
});

describe('schema contract', () => {
  it('matches schema/schema.graphql (run `npm run schema` after a deliberate change)', () => {
    const checkedIn = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(`${printSchema(schema)}\n`).toBe(checkedIn);
  });
});

describe('accounts', () => {
  it('registers, signs in, sees itself, and signs out', async () => {
    const reg = await s.ok(
      `mutation { register(email: "Wang.Fang@example.cn", password: "correct horse battery", displayName: "王芳") {
        __typename ... on SessionPayload { token account { email role displayName } } } }`,
    );
    expect(reg.register.account).toEqual({ email: 'wang.fang@example.cn', role: 'APPLICANT', displayName: '王芳' });
    const token = reg.register.token as string;

    const me = await s.ok(`{ viewer { email } }`, {}, token);
    expect(me.viewer.email).toBe('wang.fang@example.cn');

    const again = await s.ok(SIGN_IN, { email: 'wang.fang@example.cn', password: 'correct horse battery' });
    expect(again.signIn.__typename).toBe('SessionPayload');

    expect((await s.ok(`mutation { signOut { revokedAt } }`, {}, token)).signOut.revokedAt).toEqual(expect.any(String));
    expect((await s.ok(`{ viewer { email } }`, {}, token)).viewer).toBeNull();
  });

  it('refuses a wrong password and a duplicate or malformed registration with typed errors', async () => {
    const bad = await s.ok(SIGN_IN, { email: 'wang.fang@example.cn', password: 'wrong password!!' });
    expect(bad.signIn.__typename).toBe('AuthenticationError');

    const dup = await s.ok(
      `mutation { register(email: "wang.fang@example.cn", password: "another long pass", displayName: "x") {
        __typename ... on ValidationError { violations { field rule } } } }`,
    );
    expect(dup.register.violations).toEqual([{ field: 'email', rule: 'national/account-email-taken' }]);

    const malformed = await s.ok(
      `mutation { register(email: "nope", password: "short", displayName: "") {
        __typename ... on ValidationError { violations { field rule } } } }`,
    );
    expect(malformed.register.violations.map((v: { field: string }) => v.field).sort()).toEqual(['displayName', 'email', 'password']);
  });

  it('lets an admin create a reviewer, and nobody else', async () => {
    const { upsertStaffAccount } = await import('../src/auth/staff.js');
    await upsertStaffAccount(s.db.prisma, { email: 'root@example.cn', password: 'admin-password-1', displayName: '管理员', role: 'ADMIN' });
    const admin = (await s.ok(SIGN_IN, { email: 'root@example.cn', password: 'admin-password-1' })).signIn.token;
    const CREATE = `mutation ($e: String!) { createStaffAccount(email: $e, password: "reviewer-pass-123", displayName: "审核员", role: REVIEWER) {
      __typename ... on Account { email role } } }`;
    const made = await s.ok(CREATE, { e: 'new.reviewer@example.cn' }, admin);
    expect(made.createStaffAccount).toEqual({ __typename: 'Account', email: 'new.reviewer@example.cn', role: 'REVIEWER' });
    const reviewer = (await s.ok(SIGN_IN, { email: 'new.reviewer@example.cn', password: 'reviewer-pass-123' })).signIn.token;
    const denied = await s.gql(CREATE, { e: 'another@example.cn' }, reviewer);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('hashes passwords at the configured scrypt cost and raises older hashes to it at sign-in', async () => {
    expect(loadConfig({}).passwordHashCost).toBe(15);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: '12' })).toThrow(/PASSWORD_HASH_COST: at least 15 in production/);
    const stored = async (address: string) => (await s.db.prisma.account.findUniqueOrThrow({ where: { email: address } })).passwordHash;

    await s.ok(`mutation { register(email: "cost@example.cn", password: "cost-password-1", displayName: "成本") { __typename } }`);
    const before = await stored('cost@example.cn');
    expect(before).toMatch(/^scrypt\$1024\$8\$1\$/); // this suite's PASSWORD_HASH_COST=10

    // A second instance on the same database with a higher cost, as after an operator raises it.
    const raised = await startServer({ db: s.db, env: { PASSWORD_HASH_COST: '12' }, timers: false });
    try {
      const wrong = await raised.post({ query: SIGN_IN, variables: { email: 'cost@example.cn', password: 'not-the-password' } });
      expect(wrong.body.data.signIn.__typename).toBe('AuthenticationError');
      expect(await stored('cost@example.cn')).toBe(before);

      const right = await raised.post({ query: SIGN_IN, variables: { email: 'cost@example.cn', password: 'cost-password-1' } });
      expect(right.body.data.signIn.__typename).toBe('SessionPayload');
      const after = await stored('cost@example.cn');
      expect(after).toMatch(/^scrypt\$4096\$8\$1\$/);
      expect(after).not.toBe(before);
    } finally {
      await raised.close();
    }
    // The raised hash still signs in where the configured cost is lower, and is not lowered again.
    expect((await s.ok(SIGN_IN, { email: 'cost@example.cn', password: 'cost-password-1' })).signIn.__typename).toBe('SessionPayload');
    expect(await stored('cost@example.cn')).toMatch(/^scrypt\$4096\$/);
  });

  it('refuses a disabled account with the answer an unknown email gets, and ends its sessions', async () => {
    await s.ok(`mutation { register(email: "leaver@example.cn", password: "leaver-password-1", displayName: "离职") { __typename } }`);
    const token = (await s.ok(SIGN_IN, { email: 'leaver@example.cn', password: 'leaver-password-1' })).signIn.token;
    expect((await s.ok(`{ viewer { email } }`, {}, token)).viewer.email).toBe('leaver@example.cn');
    await s.db.prisma.account.update({ where: { email: 'leaver@example.cn' }, data: { disabledAt: new Date() } });

    const disabled = (await s.ok(SIGN_IN, { email: 'leaver@example.cn', password: 'leaver-password-1' })).signIn;
    const unknown = (await s.ok(SIGN_IN, { email: 'nobody@example.cn', password: 'leaver-password-1' })).signIn;
    expect(disabled).toEqual(unknown);
    expect(disabled.__typename).toBe('AuthenticationError');
    const after = await s.gql(`{ viewer { email } }`, {}, token);
    expect(after.data?.viewer ?? null).toBeNull();
  });

  it('refuses lists to anonymous callers', async () => {
    const res = await s.gql(`{ orders { totalCount } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password: the current one is checked, the new one validated, every old session ends', async () => {
    const reg = await s.ok(`mutation { register(email: "mover@example.cn", password: "first-password-1", displayName: "换密码") { ... on SessionPayload { token } } }`);
    const first = reg.register.token as string;
    const second = (await s.ok(SIGN_IN, { email: 'mover@example.cn', password: 'first-password-1' })).signIn.token as string;
    const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
      __typename ... on SessionPayload { token account { email } } ... on ValidationError { violations { field rule } } ... on AuthenticationError { message } } }`;
    const change = async (c: string, n: string, token = first) => (await s.ok(CHANGE, { c, n }, token)).changePassword;

    expect(await change('not-the-password', 'second-password-2')).toEqual({ __typename: 'AuthenticationError', message: 'Wrong current password' });
    expect(await change('first-password-1', 'short')).toEqual({ __typename: 'ValidationError', violations: [{ field: 'newPassword', rule: 'national/password-length' }] });
    expect(await change('first-password-1', 'first-password-1')).toEqual({
      __typename: 'ValidationError',
      violations: [{ field: 'newPassword', rule: 'national/password-unchanged' }],
    });
    expect((await s.gql(CHANGE, { c: 'first-password-1', n: 'second-password-2' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const changed = await change('first-password-1', 'second-password-2');
    expect(changed.account.email).toBe('mover@example.cn');
    const viewer = async (token: string) => (await s.gql(`{ viewer { email } }`, {}, token)).data?.viewer?.email ?? null;
    expect(await viewer(first)).toBeNull();
    expect(await viewer(second)).toBeNull();
    expect(await viewer(changed.token)).toBe('mover@example.cn');
    expect((await s.ok(SIGN_IN, { email: 'mover@example.cn', password: 'first-password-1' })).signIn.__typename).toBe('AuthenticationError');
    expect((await s.ok(SIGN_IN, { email: 'mover@example.cn', password: 'second-password-2' })).signIn.__typename).toBe('SessionPayload');
  });

  it('lets an admin list accounts and disable or enable one, audited; nobody else', async () => {
    const { upsertStaffAccount } = await import('../src/auth/staff.js');
    await upsertStaffAccount(s.db.prisma, { email: 'ops@example.cn', password: 'admin-password-2', displayName: '运维', role: 'ADMIN' }, 10);
    const admin = (await s.ok(SIGN_IN, { email: 'ops@example.cn', password: 'admin-password-2' })).signIn.token as string;
    const user = (await s.ok(`mutation { register(email: "target@example.cn", password: "target-password-1", displayName: "对象") { ... on SessionPayload { token } } }`)).register.token as string;

    const LIST = `query ($f: AccountFilter) { accounts(filter: $f) { totalCount edges { node { id email role disabledAt } } } }`;
    const listed = await s.ok(LIST, { f: { emailContains: 'TARGET@' } }, admin);
    expect(listed.accounts.edges.map((e: any) => e.node)).toEqual([expect.objectContaining({ email: 'target@example.cn', role: 'APPLICANT', disabledAt: null })]);
    const target = listed.accounts.edges[0].node.id as string;
    expect((await s.gql(LIST, {}, user)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const SET = `mutation ($id: ID!, $d: Boolean!) { setAccountDisabled(accountId: $id, disabled: $d) {
      __typename ... on Account { email disabledAt } ... on ValidationError { violations { field rule } } ... on NotFoundError { message } } }`;
    expect((await s.gql(SET, { id: target, d: true }, user)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const disabled = (await s.ok(SET, { id: target, d: true }, admin)).setAccountDisabled;
    expect(disabled).toMatchObject({ __typename: 'Account', email: 'target@example.cn', disabledAt: s.clock.now().toISOString() });
    expect((await s.gql(`{ viewer { email } }`, {}, user)).data?.viewer ?? null).toBeNull();
    expect((await s.ok(SIGN_IN, { email: 'target@example.cn', password: 'target-password-1' })).signIn.__typename).toBe('AuthenticationError');
    const emails = async (f: Record<string, unknown>) => (await s.ok(LIST, { f }, admin)).accounts.edges.map((e: any) => e.node.email);
    expect(await emails({ disabled: true, emailContains: 'target' })).toEqual(['target@example.cn']);
    expect(await emails({ disabled: false, emailContains: 'target' })).toEqual([]);

    const enabled = (await s.ok(SET, { id: target, d: false }, admin)).setAccountDisabled;
    expect(enabled).toMatchObject({ __typename: 'Account', disabledAt: null });
    expect((await s.ok(SIGN_IN, { email: 'target@example.cn', password: 'target-password-1' })).signIn.__typename).toBe('SessionPayload');

    const self = (await s.ok(`{ viewer { id } }`, {}, admin)).viewer.id as string;
    expect((await s.ok(SET, { id: self, d: true }, admin)).setAccountDisabled).toEqual({
      __typename: 'ValidationError',
      violations: [{ field: 'accountId', rule: 'national/account-self-disable' }],
    });
    const audit = await s.db.prisma.auditEntry.findMany({ where: { targetType: 'Account' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['ACCOUNT_DISABLED', 'ACCOUNT_ENABLED']);
  });

  // Last in this file: it moves the clock a week on.
  it('ends a session SESSION_TTL_HOURS after sign-in, whatever the process time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai'; // timestamps are stored in UTC; nothing may read them as local time
    try {
      const reg = await s.ok(`mutation { register(email: "ttl@example.cn", password: "ttl-password-1", displayName: "期限") { ... on SessionPayload { token expiresAt } } }`);
      const { token, expiresAt } = reg.register;
      expect(new Date(expiresAt).getTime() - s.clock.now().getTime()).toBe(168 * 3_600_000);
      const viewer = async () => (await s.gql(`{ viewer { email } }`, {}, token)).data?.viewer?.email ?? null;

      s.clock.advance(168 * 3_600_000 - 60_000);
      expect(await viewer()).toBe('ttl@example.cn');
      s.clock.advance(60_000);
      expect(await viewer()).toBeNull();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
