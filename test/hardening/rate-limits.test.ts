/**
 * Rate limits: per email, address, mobile, order and account; every field occurrence counts, so
 * aliases cannot multiply attempts, and the limits hold over HTTP and WebSocket alike.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/server/rate-rules.js';
import { email, signUp } from '../support/fixtures.js';
import { startServer, type HardenedServer } from './support/server.js';
import { testRedis } from './support/redis.js';

let s: HardenedServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s?.close();
});
// Every test starts in fresh windows (the longest window is an hour).
beforeEach(() => {
  s.clock.advance(3 * 3_600_000);
});

const SIGN_IN_FIELDS = `__typename ... on SessionPayload { token } ... on AuthenticationError { message }`;
const signIn = (address: string, password: string, alias = 'signIn') =>
  `${alias}: signIn(email: ${JSON.stringify(address)}, password: ${JSON.stringify(password)}) { ${SIGN_IN_FIELDS} }`;
const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

async function account(server: HardenedServer) {
  const address = email('limited');
  await server.ok(`mutation { register(email: "${address}", password: "right-password-1", displayName: "甲") { __typename } }`);
  return address;
}

describe('sign-in', () => {
  it('counts each aliased signIn: eleven in one request are refused whole, and none runs', async () => {
    const address = await account(s);
    const sessions = await s.db.prisma.session.count();
    const many = Array.from({ length: LIMITS.signInPerEmail.max + 1 }, (_, i) => signIn(address, 'right-password-1', `a${i}`)).join('\n');
    const r = await s.post({ query: `mutation { ${many} }` });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(codes(r.body)).toEqual(['RATE_LIMITED']);
    expect(r.body.data).toBeUndefined();
    expect(await s.db.prisma.session.count()).toBe(sessions);
  });

  it('ten guesses of the current password per account in 15 minutes, aliases counted', async () => {
    const { token } = await signUp(s);
    const guess = (i: number) => `c${i}: changePassword(currentPassword: "guess-${i}", newPassword: "new-password-${i}x") { __typename }`;
    const ten = Array.from({ length: LIMITS.changePasswordPerAccount.max }, (_, i) => guess(i)).join('\n');
    const answered = await s.post({ query: `mutation { ${ten} }` }, { authorization: `Bearer ${token}` });
    expect(Object.values(answered.body.data)).toEqual(Array(LIMITS.changePasswordPerAccount.max).fill({ __typename: 'AuthenticationError' }));
    const refused = await s.post({ query: `mutation { ${guess(99)} }` }, { authorization: `Bearer ${token}` });
    expect(codes(refused.body)).toEqual(['RATE_LIMITED']);
  });

  it('ten wrong passwords are answered; the eleventh attempt is refused even when right; later it works again', async () => {
    const address = await account(s);
    for (let i = 0; i < LIMITS.signInPerEmail.max; i++) {
      const r = await s.post({ query: `mutation { ${signIn(address, `wrong-${i}`)} }` });
      expect(r.body.data.signIn.__typename).toBe('AuthenticationError');
    }
    const refused = await s.post({ query: `mutation { ${signIn(address.toUpperCase(), 'right-password-1')} }` });
    expect(codes(refused.body)).toEqual(['RATE_LIMITED']);
    s.clock.advance(2 * LIMITS.signInPerEmail.windowMs);
    const later = await s.post({ query: `mutation { ${signIn(address, 'right-password-1')} }` });
    expect(later.body.data.signIn.__typename).toBe('SessionPayload');
  });

  it('one address cannot spray many accounts', async () => {
    const perRequest = 15;
    const allowed = Math.floor(LIMITS.signInPerAddress.max / perRequest);
    for (let i = 0; i <= allowed; i++) {
      const batch = Array.from({ length: perRequest }, (_, j) => signIn(`nobody-${i}-${j}@example.cn`, 'guess-password', `a${j}`)).join('\n');
      const r = await s.post({ query: `mutation { ${batch} }` });
      expect(codes(r.body)).toEqual(i < allowed ? [] : ['RATE_LIMITED']);
    }
  });

  it('the limit holds over WebSocket too', async () => {
    const address = await account(s);
    const many = Array.from({ length: LIMITS.signInPerEmail.max }, (_, i) => signIn(address, 'wrong', `a${i}`)).join('\n');
    expect(codes((await s.post({ query: `mutation { ${many} }` })).body)).toEqual([]);
    const overWs = await new Promise<any>((resolve, reject) => {
      s.ws().subscribe({ query: `mutation { ${signIn(address, 'right-password-1')} }` }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(codes(overWs)).toEqual(['RATE_LIMITED']);
  });
});

describe('registration', () => {
  it('at most 30 accounts an hour from one address', async () => {
    const register = (i: number) => `a${i}: register(email: "${email('burst')}", password: "burst-password-1", displayName: "乙") { __typename }`;
    const before = await s.db.prisma.account.count();
    for (let done = 0; done < LIMITS.registerPerAddress.max; done += 15) {
      const r = await s.post({ query: `mutation { ${Array.from({ length: 15 }, (_, i) => register(i)).join('\n')} }` });
      expect(codes(r.body)).toEqual([]);
    }
    const refused = await s.post({ query: `mutation { ${register(0)} }` });
    expect(codes(refused.body)).toEqual(['RATE_LIMITED']);
    expect(await s.db.prisma.account.count()).toBe(before + LIMITS.registerPerAddress.max);
  });
});

describe('SMS verification and resend', () => {
  let token: string;
  beforeAll(async () => {
    s.clock.advance(3 * 3_600_000);
    token = (await signUp(s)).token;
  });
  const orderId = (n: number) => encodeGlobalID('Order', `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
  const verify = (order: string, mobile: string, alias = 'v') =>
    `${alias}: verifySmsCode(orderId: "${order}", mobile: "${mobile}", code: "000000", certificateSuffix: "000000") { __typename }`;
  const resend = (order: string, mobile: string, alias = 'r') => `${alias}: resendSmsCode(orderId: "${order}", mobile: "${mobile}") { __typename }`;

  it('per mobile: one number in any spelling gets ten guesses an hour, across orders', async () => {
    const spellings = ['13800001111', '138 0000 1111', '+86 138-0000-1111', '８６１３８００００１１１１'];
    for (let i = 0; i < LIMITS.smsVerifyPerMobile.max; i++) {
      const r = await s.post({ query: `mutation { ${verify(orderId(i), spellings[i % spellings.length]!)} }` }, { authorization: `Bearer ${token}` });
      expect(r.body.data.v.__typename).toBe('NotFoundError');
    }
    const refused = await s.post({ query: `mutation { ${verify(orderId(99), '13800001111')} }` }, { authorization: `Bearer ${token}` });
    expect(codes(refused.body)).toEqual(['RATE_LIMITED']);
  });

  it('per order: twenty guesses an hour, whatever the numbers', async () => {
    const order = orderId(1000);
    for (let sent = 0; sent < LIMITS.smsVerifyPerOrder.max; sent += 10) {
      const batch = Array.from({ length: 10 }, (_, i) => verify(order, `139${String(sent + i).padStart(8, '0')}`, `v${i}`)).join('\n');
      expect(codes((await s.post({ query: `mutation { ${batch} }` }, { authorization: `Bearer ${token}` })).body)).toEqual([]);
    }
    const refused = await s.post({ query: `mutation { ${verify(order, '13700000000')} }` }, { authorization: `Bearer ${token}` });
    expect(codes(refused.body)).toEqual(['RATE_LIMITED']);
  });

  it('resends: five per mobile, ten per order an hour', async () => {
    const perMobile = Array.from({ length: LIMITS.smsSendPerMobile.max + 1 }, (_, i) => resend(orderId(2000 + i), '13600001111', `r${i}`)).join('\n');
    expect(codes((await s.post({ query: `mutation { ${perMobile} }` }, { authorization: `Bearer ${token}` })).body)).toEqual(['RATE_LIMITED']);
    const perOrder = Array.from({ length: LIMITS.smsSendPerOrder.max + 1 }, (_, i) => resend(orderId(3000), `135${String(i).padStart(8, '0')}`, `r${i}`)).join('\n');
    expect(codes((await s.post({ query: `mutation { ${perOrder} }` }, { authorization: `Bearer ${token}` })).body)).toEqual(['RATE_LIMITED']);
  });
});

describe('filing-type verification', () => {
  const check = (i: number) =>
    `a${i}: verifyFilingType(input: { provinceCode: "hubei", nature: INDIVIDUAL, certificateType: RESIDENT_ID, certificateNumber: "11010519491231002X", domain: "site-${i}.cn" }) { filingType }`;

  it('sixty checks an hour per account; another account is not affected', async () => {
    const first = (await signUp(s)).token;
    const second = (await signUp(s)).token;
    const batch = Array.from({ length: 15 }, (_, i) => check(i)).join('\n');
    for (let done = 0; done < LIMITS.filingTypePerAccount.max; done += 15) {
      expect(codes((await s.post({ query: `{ ${batch} }` }, { authorization: `Bearer ${first}` })).body)).toEqual([]);
    }
    expect(codes((await s.post({ query: `{ ${check(0)} }` }, { authorization: `Bearer ${first}` })).body)).toEqual(['RATE_LIMITED']);
    expect(codes((await s.post({ query: `{ ${check(0)} }` }, { authorization: `Bearer ${second}` })).body)).toEqual([]);
  });
});

describe('metrics', () => {
  it('refusals are counted per limit', async () => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toMatch(/icp_rate_limited_total\{limit="sign-in\/email"\} [1-9]/);
    expect(text).toMatch(/icp_rate_limited_total\{limit="filing-type\/account"\} [1-9]/);
  });
});

describe('RATE_LIMIT_STORE=redis', () => {
  it('instances share counters', async () => {
    const redis = await testRedis();
    // An hour of its own within 2030 (windows are per hour), so runs against a long-lived Redis never share counters.
    const start = new Date(Date.UTC(2030, 0, 1) + Math.floor(Math.random() * 8_000) * 3_600_000).toISOString();
    const env = { RATE_LIMIT_STORE: 'redis', REDIS_URL: redis.url };
    const a = await startServer({ env, start });
    const b = await startServer({ env, start });
    try {
      const address = await account(a);
      const half = Array.from({ length: LIMITS.signInPerEmail.max / 2 }, (_, i) => signIn(address, 'wrong', `a${i}`)).join('\n');
      expect(codes((await a.post({ query: `mutation { ${half} }` })).body)).toEqual([]);
      expect(codes((await b.post({ query: `mutation { ${half} }` })).body)).toEqual([]);
      expect(codes((await a.post({ query: `mutation { ${signIn(address, 'right-password-1')} }` })).body)).toEqual(['RATE_LIMITED']);
      expect(a.logText()).not.toContain(address);
    } finally {
      await a.close();
      await b.close();
      await redis.stop();
    }
  });
});
