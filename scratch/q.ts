import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo.js';
import { ORDER_DETAIL, REVIEW_QUEUE } from '../test/support/operations.js';
const config = loadConfig({ PGLITE_DIR: 'memory://', LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10' } as any);
const app = await buildApp({ config, timers: false });
await seedDemo(app.services.db.prisma, 10);
const p: any = app.services.db.prisma;
for (const m of ['findMany', 'findUnique', 'findUniqueOrThrow']) {
  const orig = p.order[m].bind(p.order);
  p.order[m] = (a: any) => { console.log(m, JSON.stringify(a, (k, v) => typeof v === 'bigint' ? v.toString() : v, 1)); return orig(a); };
}
async function q(query: string, variables: any, token?: string) {
  const r = await app.yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return r.json();
}
const tok = async (email: string) => (await q(`mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { ... on SessionPayload { token } } }`, { email, password: DEMO_PASSWORD })).data.signIn.token;
const rev = await tok(DEMO_ACCOUNTS.reviewer); const ap = await tok(DEMO_ACCOUNTS.company);
console.log(JSON.stringify(await q(REVIEW_QUEUE, { first: 50 }, rev)).slice(0, 300));
const mine = await q(`{ orders(first: 1) { edges { node { id } } } }`, {}, ap);
const id = mine.data.orders.edges[0].node.id;
console.log(JSON.stringify(await q(ORDER_DETAIL, { id }, ap)).slice(0, 300));
await app.stop(); await app.services.db.close();
