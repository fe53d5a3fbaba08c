/** GraphQL operations of the filing wizard and the reviewers' console, shared by the scenarios. */
import { expect } from 'vitest';
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
