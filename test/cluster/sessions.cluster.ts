/**
 * Sessions end everywhere: a sign-out or an account disabled through one instance ends the live
 * streams held open by another, through the Redis notice (the instances' periodic session check is
 * switched off here, so only the notice can do it), and no event committed afterwards reaches them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertStaffAccount } from '../../src/auth/staff.js';
import type { Database } from '../../src/db/index.js';
import { reviewer, signIn, signUp } from '../support/fixtures.js';
import type { TestServer } from '../support/harness.js';
import { until, watch, type Watched } from '../support/live.js';
import { must } from '../support/workflow.js';
import { clusterDatabase, clusterEnv, FEED, logHeadOf, remote, startInstance, submittedOrders, type Instance } from './cluster.js';

let db: Database;
let drop: () => Promise<void>;
const instances: Instance[] = [];
let a: TestServer;
let b: TestServer;
let admin: string;

beforeAll(async () => {
  const database = await clusterDatabase();
  db = database.db;
  drop = database.drop;
  // An hour between periodic checks: within this test only the notice over Redis ends a stream.
  const env = { DATABASE_URL: database.url, REDIS_URL: clusterEnv().redisUrl, SWEEP_INTERVAL_MS: '300', SESSION_CHECK_INTERVAL_MS: '3600000' };
  const started = await Promise.all([startInstance('a', env), startInstance('b', env)]);
  instances.push(...started);
  a = remote(started[0]!, db);
  b = remote(started[1]!, db);
  await upsertStaffAccount(db.prisma, { email: 'cluster-admin@example.cn', password: 'admin-password-1', displayName: '管理员', role: 'ADMIN' }, 10);
  admin = await signIn(b, 'cluster-admin@example.cn', 'admin-password-1');
});

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await drop?.();
});

const CHANGED = /* GraphQL */ `subscription ($id: ID!, $after: String) { orderStatusChanged(orderId: $id, after: $after) { sequence toStatus } }`;

function expectEndedForSession(w: Watched) {
  if (w.ended?.startsWith('close')) expect(w.ended).toMatch(/^close 440[13]/);
  else {
    expect(w.ended).toBe('complete');
    expect(w.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
}

describe('sessions end on every instance', () => {
  it('an account disabled through B loses its feed on A, and the next event does not reach it', async () => {
    const applicant = await signUp(b);
    const [order] = await submittedOrders(b, applicant, 1);
    await upsertStaffAccount(db.prisma, { email: 'cluster-doomed@example.cn', password: 'reviewer-password-1', displayName: '审核员', role: 'REVIEWER' }, 10);
    const doomed = await signIn(a, 'cluster-doomed@example.cn', 'reviewer-password-1');
    const doomedId = (await a.ok(`{ viewer { id } }`, {}, doomed)).viewer.id as string;
    const staff = await reviewer(b);
    const after = await logHeadOf(db);
    const revoked = watch(a.ws(doomed), FEED, { after }, 'orderEvents');
    const control = watch(a.ws(staff), FEED, { after }, 'orderEvents');
    const rejected = await must(b, staff, 'rejectInitialReview', { orderId: order!.id, version: order!.version, reason: '请补充材料' });
    await until('both feeds on A to see the rejection', () => revoked.events.length >= 1 && control.events.length >= 1);

    const r = await b.ok(`mutation ($id: ID!) { setAccountDisabled(accountId: $id, disabled: true) { __typename } }`, { id: doomedId }, admin);
    expect(r.setAccountDisabled.__typename).toBe('Account');
    await must(b, applicant.token, 'submitOrder', { orderId: order!.id, version: rejected.version });
    await until('the control feed on A to see the resubmission', () => control.events.length >= 2);
    await until('the revoked feed on A to end or to see the event', () => revoked.ended !== undefined || revoked.events.length >= 2);
    expect(revoked.events.map((e) => e.toStatus)).toEqual(['INITIAL_REJECTED']);
    await until('the revoked feed on A to end', () => revoked.ended !== undefined);
    expectEndedForSession(revoked);
    control.stop();
  });

  it('a sign-out through B ends the applicant’s stream on A with no further event', async () => {
    const applicant = await signUp(b);
    const [order] = await submittedOrders(b, applicant, 1);
    const staff = await reviewer(b);
    const mine = watch(a.ws(applicant.token), CHANGED, { id: order!.id, after: await logHeadOf(db) }, 'orderStatusChanged');
    await must(b, staff, 'approveInitialReview', { orderId: order!.id, version: order!.version, requireMailedMaterials: true });
    await until('the stream on A to see the approval', () => mine.events.length >= 1);
    expect((await b.ok(`mutation { signOut { revokedAt } }`, {}, applicant.token)).signOut.revokedAt).toEqual(expect.any(String));
    await until('the stream on A to end', () => mine.ended !== undefined);
    expectEndedForSession(mine);
  });
});
