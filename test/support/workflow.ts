/** GraphQL operations of the filing wizard and the reviewers' console, shared by the scenarios. */
import { expect } from 'vitest';
import type { OutboxSmsGateway } from '../../src/workflow/sms.js';
import type { TestServer } from './harness.js';

const ORDER_FIELDS = /* GraphQL */ `
  id number status version filingType variant provinceCode lastReason
  subject { id name icpNumber status }
  websites { action website { id name icpNumber status domains { name } } }
`;

const RESULT = (fields: string) => /* GraphQL */ `
  __typename
  ... on Order { ${fields} }
  ... on ValidationError { message violations { field rule module message matched source } }
  ... on ConflictError { message currentStatus currentVersion }
  ... on InvalidTransitionError { message action currentStatus }
  ... on NotFoundError { message }
`;

export const VERIFY_TYPE = /* GraphQL */ `
  query ($input: FilingTypeCheckInput!) {
    verifyFilingType(input: $input) { filingType variant domain violations { field rule message } }
  }
`;

export async function startFiling(s: TestServer, token: string, input: unknown) {
  const data = await s.ok(`mutation ($input: FilingInput!) { startFiling(input: $input) { ${RESULT(ORDER_FIELDS)} } }`, { input }, token);
  return data.startFiling;
}

export async function updateFiling(s: TestServer, token: string, orderId: string, version: number, input: unknown) {
  const data = await s.ok(
    `mutation ($orderId: ID!, $version: Int!, $input: FilingInput!) { updateFiling(orderId: $orderId, version: $version, input: $input) { ${RESULT(ORDER_FIELDS)} } }`,
    { orderId, version, input },
    token,
  );
  return data.updateFiling;
}

/** Runs an order action (`submitOrder`, `approveInitialReview`, …) and returns its result. */
export async function act(s: TestServer, token: string, action: string, vars: Record<string, unknown>) {
  const params = Object.keys(vars)
    .map((k) => `$${k}: ${argType(k)}`)
    .join(', ');
  const args = Object.keys(vars)
    .map((k) => `${k}: $${k}`)
    .join(', ');
  const data = await s.ok(`mutation (${params}) { ${action}(${args}) { ${RESULT(ORDER_FIELDS)} } }`, vars, token);
  return data[action];
}

function argType(name: string): string {
  return (
    {
      orderId: 'ID!',
      version: 'Int!',
      reason: 'String!',
      requireMailedMaterials: 'Boolean',
      comments: '[FieldCommentInput!]!',
      mobile: 'String!',
      code: 'String!',
      certificateSuffix: 'String!',
    } as Record<string, string>
  )[name]!;
}

/** Like `act`, but expects the order back and returns it. */
export async function must(s: TestServer, token: string, action: string, vars: Record<string, unknown>) {
  const r = await act(s, token, action, vars);
  if (r.__typename !== 'Order') throw new Error(`${action} returned ${JSON.stringify(r, null, 2)}`);
  return r;
}

export async function orderStatus(s: TestServer, token: string, orderId: string) {
  const data = await s.ok(`query ($id: ID!) { node(id: $id) { ... on Order { status version } } }`, { id: orderId }, token);
  return data.node as { status: string; version: number };
}

export function ruleIds(result: { violations?: { rule: string }[] }): string[] {
  expect(result.violations, JSON.stringify(result)).toBeDefined();
  return result.violations!.map((v) => v.rule);
}

export const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on Order { history(first: 100) { edges { node { type fromStatus toStatus reason actorRole } } } } }
  }
`;

/** Starts a filing, uploads the required materials and submits it; returns the submitted order. */
export async function startAndSubmit(
  s: TestServer,
  token: string,
  input: { subject: { nature: string }; websites: unknown[] },
  extraDocuments: { documentCode: string }[] = [],
) {
  const { uploadRequiredMaterials } = await import('./fixtures.js');
  const order = await startFiling(s, token, input);
  if (order.__typename !== 'Order') throw new Error(`startFiling returned ${JSON.stringify(order, null, 2)}`);
  await uploadRequiredMaterials(s, token, order.id, input.subject.nature === 'INDIVIDUAL' ? 'INDIVIDUAL' : 'UNIT', extraDocuments);
  return must(s, token, 'submitOrder', { orderId: order.id, version: order.version });
}

/** Starts a change filing (变更备案) of a filed subject. */
export async function startChangeFiling(s: TestServer, token: string, input: unknown) {
  const data = await s.ok(`mutation ($input: ChangeFilingInput!) { startChangeFiling(input: $input) { ${RESULT(ORDER_FIELDS)} } }`, { input }, token);
  return data.startChangeFiling;
}

/** Replaces the proposal of a change filing. */
export async function updateChangeFiling(s: TestServer, token: string, orderId: string, version: number, input: unknown) {
  const data = await s.ok(
    `mutation ($orderId: ID!, $version: Int!, $input: ChangeFilingUpdateInput!) { updateChangeFiling(orderId: $orderId, version: $version, input: $input) { ${RESULT(ORDER_FIELDS)} } }`,
    { orderId, version, input },
    token,
  );
  return data.updateChangeFiling;
}

/** Starts 注销主体, 注销网站 or 取消接入. */
export async function startCancellation(s: TestServer, token: string, input: { type: string; subjectId: string; websiteIds?: string[]; reason: string }) {
  const data = await s.ok(`mutation ($input: CancellationInput!) { startCancellation(input: $input) { ${RESULT(ORDER_FIELDS)} } }`, { input }, token);
  return data.startCancellation;
}

/**
 * Takes a submitted order through initial review, SMS verification (each code sent for this order is
 * entered by the person it went to, found in `people`) and the 管局 to APPROVED. Returns the approved
 * order and the mobiles that received codes.
 */
export async function approveAll(
  s: TestServer,
  staff: string,
  applicant: string,
  order: { id: string; number: string; version: number },
  people: { mobile: string; certificateNumber: string }[],
) {
  const sms = s.app.services.sms as OutboxSmsGateway;
  const before = sms.outbox.length;
  let current = await must(s, staff, 'approveInitialReview', { orderId: order.id, version: order.version });
  const sent = sms.outbox.slice(before).filter((m) => m.params.order === order.number);
  for (const m of sent) {
    const who = people.find((p) => p.mobile === m.to);
    if (!who) throw new Error(`An SMS code went to ${m.to}, who is not among the people given`);
    current = await must(s, applicant, 'verifySmsCode', { orderId: order.id, mobile: m.to, code: m.params.code, certificateSuffix: who.certificateNumber.slice(-6) });
  }
  current = await must(s, staff, 'submitToMiit', { orderId: order.id, version: current.version });
  const approved = await must(s, staff, 'recordMiitApproval', { orderId: order.id, version: current.version });
  expect(approved.status).toBe('APPROVED');
  return { order: approved, smsTo: sent.map((m) => m.to) };
}
