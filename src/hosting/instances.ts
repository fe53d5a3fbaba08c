import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { audit } from '../audit.js';
import type { Config } from '../config.js';
import type { Prisma } from '../db/index.js';
import { NotFound, ValidationFailed } from '../domain/errors.js';
import type { Violation } from '../domain/violation.js';
import type { BillingMode } from '../generated/prisma/enums.js';
import type { HostingResources } from '../ports.js';
import { violation } from '../validation/common.js';
import { instanceViolations } from './rules.js';

/** One hosting instance as admins, bulk imports and the billing system describe it. */
export interface InstanceInput {
  instanceId: string;
  /** Email of the applicant account that bought it. */
  ownerEmail: string;
  kind?: string | null;
  region: string;
  mainland?: boolean | null;
  billing: BillingMode;
  ipAddresses?: string[] | null;
  purchasedAt?: Date | null;
  expiresAt?: Date | null;
  prepaidMonths?: number | null;
  serviceCodeQuota?: number | null;
}

/** Who changes instances: an admin, an integration token, or the CLI (an operator on the server). */
export interface HostingActor {
  actorId?: string | null;
  integrationTokenId?: string | null;
  /** Recorded on the instance: `admin`, `import`, `integration:<name>`, `cli`. */
  source: string;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  rejected: { row: number; instanceId: string; violations: Violation[] }[];
}

/** Largest per-instance quota (a virtual-host plan may carry many sites). */
export const MAX_QUOTA = 1000;

const v = (field: string, rule: string, message: string, messageEn: string) => violation({ field, rule, message, messageEn });

/** Checks one instance description; `field` prefixes every violation (e.g. `instances[3]`). */
export function instanceInputViolations(input: InstanceInput, field: string, config: Config['hosting']): Violation[] {
  const out: Violation[] = [];
  const f = (name: string) => (field ? `${field}.${name}` : name);
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/.test(input.instanceId?.trim() ?? '')) {
    out.push(v(f('instanceId'), 'instance-id', '实例 ID 须为 3–64 位字母、数字或 . _ : -', 'An instance id is 3–64 letters, digits or . _ : -'));
  }
  const kind = input.kind?.trim() || config.instanceKinds[0];
  if (!kind || !config.instanceKinds.includes(kind)) {
    out.push(v(f('kind'), 'instance-kind', `实例类型须为 ${config.instanceKinds.join('、')} 之一`, `Instance kind must be one of ${config.instanceKinds.join(', ')}`));
  }
  if (!input.region?.trim() || input.region.trim().length > 64) out.push(v(f('region'), 'instance-region', '请填写地域（最多 64 个字符）', 'Region is required (at most 64 characters)'));
  if (input.billing !== 'PREPAID' && input.billing !== 'PAY_AS_YOU_GO') out.push(v(f('billing'), 'instance-billing', '付费方式须为 PREPAID 或 PAY_AS_YOU_GO', 'Billing is PREPAID or PAY_AS_YOU_GO'));
  for (const [i, ip] of (input.ipAddresses ?? []).entries()) {
    if (!isIP(ip.trim())) out.push(v(f(`ipAddresses[${i}]`), 'instance-ip', '公网 IP 地址格式不正确', 'Not an IP address'));
  }
  if ((input.ipAddresses ?? []).length > 32) out.push(v(f('ipAddresses'), 'instance-ip-count', '公网 IP 最多 32 个', 'At most 32 public IPs'));
  if (input.purchasedAt && input.expiresAt && input.expiresAt <= input.purchasedAt) {
    out.push(v(f('expiresAt'), 'instance-dates', '到期时间须晚于购买时间', 'The expiry date must follow the purchase date'));
  }
  if (input.billing === 'PREPAID' && !input.expiresAt && !input.prepaidMonths) {
    out.push(v(f('expiresAt'), 'instance-prepaid-expiry', '包年包月实例须填写到期时间', 'A prepaid instance needs its expiry date'));
  }
  if (input.prepaidMonths != null && (input.prepaidMonths < 1 || input.prepaidMonths > 120)) {
    out.push(v(f('prepaidMonths'), 'instance-prepaid-months', '购买时长须在 1–120 个月之间', 'Prepaid months must be 1–120'));
  }
  if (input.serviceCodeQuota != null && (input.serviceCodeQuota < 1 || input.serviceCodeQuota > MAX_QUOTA)) {
    out.push(v(f('serviceCodeQuota'), 'instance-quota', `备案服务号配额须在 1–${MAX_QUOTA} 之间`, `The service-code quota must be 1–${MAX_QUOTA}`));
  }
  return out;
}

/**
 * Registers or updates instances (matched by `instanceId`), each row on its own: valid rows are
 * written, invalid ones come back with their violations. Every written row is audited under the
 * admin or integration token that sent it.
 */
export async function upsertInstances(
  deps: { prisma: Prisma; config: Config },
  inputs: InstanceInput[],
  actor: HostingActor,
  field = 'instances',
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { created: 0, updated: 0, rejected: [] };
  const emails = [...new Set(inputs.map((i) => i.ownerEmail?.trim().toLowerCase()).filter(Boolean))];
  const owners = new Map(
    (await deps.prisma.account.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, role: true } })).map((a) => [a.email, a]),
  );
  const seen = new Set<string>();
  for (const [row, input] of inputs.entries()) {
    const f = `${field}[${row}]`;
    const violations = instanceInputViolations(input, f, deps.config.hosting);
    const owner = owners.get(input.ownerEmail?.trim().toLowerCase() ?? '');
    if (!owner || owner.role !== 'APPLICANT') {
      violations.push(v(`${f}.ownerEmail`, 'instance-owner', '未找到该邮箱对应的申请人账号', 'No applicant account has this email'));
    }
    const instanceId = input.instanceId?.trim() ?? '';
    if (seen.has(instanceId)) violations.push(v(`${f}.instanceId`, 'instance-duplicate', '同一批次中实例 ID 重复', 'This instance id appears twice in the batch'));
    seen.add(instanceId);
    if (violations.length) {
      outcome.rejected.push({ row, instanceId, violations });
      continue;
    }
    const data = {
      ownerId: owner!.id,
      kind: input.kind?.trim() || deps.config.hosting.instanceKinds[0]!,
      region: input.region.trim(),
      mainland: input.mainland ?? true,
      billing: input.billing,
      ipAddresses: (input.ipAddresses ?? []).map((ip) => ip.trim()),
      purchasedAt: input.purchasedAt ?? null,
      expiresAt: input.expiresAt ?? null,
      prepaidMonths: input.prepaidMonths ?? null,
      maxServiceCodes: input.serviceCodeQuota ?? deps.config.hosting.codesPerInstance,
      source: actor.source,
      retiredAt: null,
    };
    await deps.prisma.$transaction(async (tx) => {
      const existing = await tx.serverInstance.findUnique({ where: { instanceId }, select: { id: true } });
      const saved = existing
        ? await tx.serverInstance.update({ where: { id: existing.id }, data })
        : await tx.serverInstance.create({ data: { ...data, instanceId } });
      await audit(tx, {
        actorId: actor.actorId,
        integrationTokenId: actor.integrationTokenId,
        action: existing ? 'INSTANCE_UPDATED' : 'INSTANCE_REGISTERED',
        targetType: 'ServerInstance',
        targetId: saved.id,
        detail: { instanceId, source: actor.source },
      });
      if (existing) outcome.updated++;
      else outcome.created++;
    });
  }
  return outcome;
}

/** Retires an instance: it keeps the filings it carries but takes no new one. */
export async function retireInstance(deps: { prisma: Prisma; now: Date }, instanceId: string, actor: HostingActor) {
  const found = await deps.prisma.serverInstance.findUnique({ where: { instanceId } });
  if (!found) throw new NotFound('Server instance');
  return deps.prisma.$transaction(async (tx) => {
    const saved = await tx.serverInstance.update({ where: { id: found.id }, data: { retiredAt: found.retiredAt ?? deps.now } });
    await audit(tx, {
      actorId: actor.actorId,
      integrationTokenId: actor.integrationTokenId,
      action: 'INSTANCE_RETIRED',
      targetType: 'ServerInstance',
      targetId: found.id,
      detail: { instanceId, source: actor.source },
    });
    return saved;
  });
}

/** A new 备案服务号: two letters and twelve digits/letters without look-alikes. */
function newServiceCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(12);
  return `BA${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Issues a 备案服务号 for one of the applicant's instances, within its quota. The instance must be
 * able to carry a filing now (rules in src/hosting/rules.ts). Two requests at once cannot both take
 * the last slot: the instance row is locked while counting.
 */
export async function requestServiceCode(
  deps: { prisma: Prisma; hosting: HostingResources; config: Config; now: Date },
  args: { instanceId: string; accountId: string },
) {
  const instance = await deps.hosting.instance(args.instanceId.trim());
  if (!instance || instance.ownerId !== args.accountId) throw new NotFound('Server instance');
  const violations = instanceViolations(instance, { field: 'instanceId', viewerId: args.accountId, now: deps.now, hosting: deps.config.hosting });
  if (violations.length) throw new ValidationFailed(violations);
  return deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "ServerInstance" WHERE id = ${instance.id} FOR UPDATE`;
    if ((await deps.hosting.slotsUsed(instance, [], tx)) >= instance.maxServiceCodes) {
      throw new ValidationFailed([
        v(
          'instanceId',
          'service-code-quota',
          `该实例最多可申请 ${instance.maxServiceCodes} 个备案服务号，已用完`,
          `This instance can issue at most ${instance.maxServiceCodes} service codes; none is left`,
        ),
      ]);
    }
    return tx.serviceCode.create({ data: { code: newServiceCode(), serverInstanceId: instance.id, ownerId: args.accountId } });
  });
}
