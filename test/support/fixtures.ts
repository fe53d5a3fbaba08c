/**
 * Test data with valid check digits that belongs to nobody, and helpers that act the way the
 * frontend does: sign up, sign in, upload a file, walk an order through the workflow.
 */
import { computeCreditCodeCheckDigit, computeOrganizationCodeCheckDigit, computeResidentIdCheckDigit } from '../../src/validation/index.js';
import { TEST_ENV, type TestServer } from './harness.js';

/** The server's password hashing cost (a remote instance started with TEST_ENV has no `app` here). */
const passwordCost = (s: TestServer) => s.app?.services.config.passwordHashCost ?? Number(TEST_ENV.PASSWORD_HASH_COST);

let serial = 0;
const next = () => ++serial;

/** A resident ID for a region (first 6 digits) and birth date, with a correct check digit. */
export function residentId(region = '420106', birth = '19900307', seq?: number): string {
  const body = `${region}${birth}${String(seq ?? 100 + (next() % 900)).padStart(3, '0')}`;
  return body + computeResidentIdCheckDigit(body);
}

/** A unified social credit code for an enterprise in a region (6 digits), with both check digits. */
export function creditCode(region = '410100'): string {
  const org8 = `MA${String(100000 + next()).slice(-6)}`;
  const org = org8 + computeOrganizationCodeCheckDigit(org8);
  const body = `91${region}${org}`;
  return body + computeCreditCodeCheckDigit(body);
}

/** A mainland mobile number, distinct per call. */
export function mobile(prefix = '138'): string {
  return `${prefix}${String(10_000_000 + next() * 7919).slice(-8)}`;
}

export function email(tag = 'p'): string {
  return `${tag}${next()}@example.cn`;
}

export const FAR_FUTURE = '2040-01-01';

export interface PersonInput {
  name: string;
  certificateType: string;
  certificateNumber: string;
  validFrom?: string;
  validTo?: string;
  longTerm?: boolean;
  mobile: string;
  phone2?: string;
  emergencyPhone?: string;
  email: string;
  hkMacauIdentityNumber?: string;
}

export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: '张伟',
    certificateType: 'RESIDENT_ID',
    certificateNumber: residentId(),
    validFrom: '2020-01-01',
    validTo: FAR_FUTURE,
    mobile: mobile(),
    emergencyPhone: mobile('139'),
    email: email(),
    ...overrides,
  };
}

/** An individual (个人) subject in a province, principal = the person. */
export function individualSubject(p: { provinceCode: string; provinceName: string; city: string; region: string; person?: Partial<PersonInput> }) {
  const principal = person({ certificateNumber: residentId(p.region), ...p.person });
  return {
    provinceCode: p.provinceCode,
    city: p.city,
    nature: 'INDIVIDUAL',
    certificateType: principal.certificateType,
    certificateNumber: principal.certificateNumber,
    name: principal.name,
    certificateAddress: `${p.provinceName}${p.city}中山路${next()}号`,
    communicationAddress: `${p.provinceName}${p.city}中山路${next()}号2单元301室`,
    principal,
  };
}

/** An enterprise (企业) subject with a business licence, principal a separate person. */
export function companySubject(p: { provinceCode: string; provinceName: string; city: string; region: string; name: string }) {
  return {
    provinceCode: p.provinceCode,
    city: p.city,
    nature: 'ENTERPRISE',
    certificateType: 'BUSINESS_LICENSE',
    certificateNumber: creditCode(p.region),
    name: p.name,
    certificateAddress: `${p.provinceName}${p.city}花园路${next()}号`,
    communicationAddress: `${p.provinceName}${p.city}花园路${next()}号12层`,
    investor: '李娜',
    principal: person({ name: '李娜', certificateNumber: residentId(p.region), phone2: mobile('137') }),
  };
}

export function website(p: { name: string; domain: string; serverInstanceId: string; remark?: string; principal?: PersonInput; domains?: string[] }) {
  const domains = p.domains ?? [p.domain];
  return {
    name: p.name,
    domains,
    homepageUrls: [`https://www.${domains[0]}`],
    contentCategory: 'PERSONAL_BLOG',
    languages: ['zh-Hans'],
    remark: p.remark ?? '记录个人学习与生活的博客',
    ipAddresses: ['203.0.113.10'],
    productVerification: 'SERVER_INSTANCE',
    serverInstanceId: p.serverInstanceId,
    ...(p.principal ? { principal: p.principal } : {}),
  };
}

const SESSION = /* GraphQL */ `
  mutation ($email: String!, $password: String!, $displayName: String!) {
    register(email: $email, password: $password, displayName: $displayName) {
      __typename
      ... on SessionPayload { token account { id } }
    }
  }
`;

/** Registers a new applicant; returns its token and account id. */
export async function signUp(s: TestServer, displayName = '申请人') {
  const address = email('applicant');
  const data = await s.ok(SESSION, { email: address, password: 'applicant-password-1', displayName });
  return { token: data.register.token as string, accountId: data.register.account.id as string, email: address };
}

/** Signs an existing account in again (sessions expire after SESSION_TTL_HOURS). */
export async function signIn(s: TestServer, address: string, password = 'applicant-password-1') {
  const data = await s.ok(
    `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SessionPayload { token } } }`,
    { e: address, p: password },
  );
  return data.signIn.token as string;
}

/** A reviewer account, created as an operator would (CLI), then signed in over the API. */
export async function reviewer(s: TestServer) {
  const { upsertStaffAccount } = await import('../../src/auth/staff.js');
  const address = email('reviewer');
  await upsertStaffAccount(s.db.prisma, { email: address, password: 'reviewer-password-1', displayName: '审核员', role: 'REVIEWER' }, passwordCost(s));
  const data = await s.ok(
    `mutation ($e: String!) { signIn(email: $e, password: "reviewer-password-1") { ... on SessionPayload { token } } }`,
    { e: address },
  );
  return data.signIn.token as string;
}

/**
 * An admin of this server, created once as an operator would (CLI) and signed in over the API; signed
 * in again when its session has lapsed (tests move the clock past session lifetimes).
 */
const admins = new WeakMap<object, { email: Promise<string>; token?: string }>();
export async function admin(s: TestServer): Promise<string> {
  const key = s.db as object;
  let entry = admins.get(key);
  if (!entry) {
    entry = {
      email: (async () => {
        const { upsertStaffAccount } = await import('../../src/auth/staff.js');
        const address = email('admin');
        await upsertStaffAccount(s.db.prisma, { email: address, password: 'admin-password-1', displayName: '管理员', role: 'ADMIN' }, passwordCost(s));
        return address;
      })(),
    };
    admins.set(key, entry);
  }
  if (entry.token && (await s.gql('{ viewer { id } }', {}, entry.token)).data?.viewer) return entry.token;
  entry.token = await signIn(s, await entry.email, 'admin-password-1');
  return entry.token;
}

/**
 * A prepaid server bought by the applicant (product verification, 产品验证), registered by an admin
 * over the API as the provider's billing system would push it. `months` is the prepaid term when no
 * expiry date is known (shorter than three months is refused at filing); `slots` its quota.
 */
export async function server(s: TestServer, accountId: string, opts: { billing?: 'PREPAID' | 'PAY_AS_YOU_GO'; months?: number; slots?: number } = {}) {
  const token = await admin(s);
  const owner = await s.ok(`query ($id: ID!) { node(id: $id) { ... on Account { email } } }`, { id: accountId }, token);
  const instanceId = `i-test${next()}`;
  const data = await s.ok(
    `mutation ($input: ServerInstanceInput!) { registerServerInstance(input: $input) { __typename ... on ValidationError { violations { field rule } } } }`,
    {
      input: {
        instanceId,
        ownerEmail: owner.node.email,
        region: 'cn-wuhan',
        billing: opts.billing ?? 'PREPAID',
        prepaidMonths: opts.months ?? 12,
        ipAddresses: ['203.0.113.10'],
        serviceCodeQuota: opts.slots ?? 5,
      },
    },
    token,
  );
  if (data.registerServerInstance.__typename !== 'ServerInstance') throw new Error(`registerServerInstance: ${JSON.stringify(data.registerServerInstance)}`);
  return instanceId;
}

/** A small but well-formed JPEG (SOI … EOI) of about `size` bytes. */
export function jpeg(size = 4096, seed = next()): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size - 2; i++) bytes[i] = (i * 31 + seed) % 251;
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** Uploads a file with the GraphQL multipart request specification, as a browser would. */
export async function upload(
  s: TestServer,
  token: string,
  vars: { orderId: string; kind: string; websiteId?: string; documentCode?: string },
  file: { name: string; bytes: Uint8Array; type?: string },
) {
  const query = /* GraphQL */ `
    mutation ($orderId: ID!, $kind: MaterialKind!, $websiteId: ID, $documentCode: String, $file: File!) {
      uploadMaterial(orderId: $orderId, kind: $kind, websiteId: $websiteId, documentCode: $documentCode, file: $file) {
        __typename
        ... on Material { id kind authenticity size }
        ... on ValidationError { violations { field rule } }
        ... on Error { message }
      }
    }
  `;
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...vars, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.bytes as BlobPart], { type: file.type ?? 'image/jpeg' }), file.name);
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'graphql-require-preflight': '1' },
    body: form,
  });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors?.length) throw new Error(JSON.stringify(json.errors));
  return json.data.uploadMaterial;
}

/** The materials every submission needs: the certificate image and a passing principal photo. */
export async function uploadRequiredMaterials(s: TestServer, token: string, orderId: string, nature: 'INDIVIDUAL' | 'UNIT', extra: { documentCode: string }[] = []) {
  const kind = nature === 'INDIVIDUAL' ? 'CERTIFICATE_FRONT' : 'SUBJECT_CERTIFICATE';
  await upload(s, token, { orderId, kind }, { name: 'certificate.jpg', bytes: jpeg() });
  await upload(s, token, { orderId, kind: 'PRINCIPAL_PHOTO' }, { name: 'face.jpg', bytes: jpeg() });
  for (const e of extra) await upload(s, token, { orderId, kind: 'COMMITMENT_LETTER', documentCode: e.documentCode }, { name: 'letter.jpg', bytes: jpeg() });
}
