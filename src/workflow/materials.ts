import { createHash } from 'node:crypto';
import type { Context } from '../context.js';
import { InvalidTransition, NotFound, ValidationFailed } from '../domain/errors.js';
import type { MaterialKind } from '../generated/prisma/enums.js';
import type { AuthenticityChecker } from '../ports.js';
import { national } from './violations.js';
import { actorOf, appendEvent, inTransaction } from './engine.js';
import { ownOrder } from './drafts.js';
import { EDITABLE } from './transitions.js';
import { sniffMime } from '../materials/sniff.js';
import { APP_SOURCE, validateAppIcon } from '../validation/index.js';

/** Materials are JPEG images (seed 000: 所有附件应为原件彩色扫描件或原件拍照，格式为 jpg 格式). */
const SEED0 = 'seed:000_d2f846ec46511894.txt';
export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;
const MIN_MATERIAL_BYTES = 1024;

export type { AuthenticityChecker } from '../ports.js';

/** The development authenticity checker: accepts every well-formed image unless its hash was marked to fail. */
export class DevAuthenticityChecker implements AuthenticityChecker {
  readonly failing = new Set<string>();
  async check(input: { sha256: string }) {
    return this.failing.has(input.sha256)
      ? { result: 'FAILED' as const, detail: '人脸核验未通过 / face verification failed' }
      : { result: 'PASSED' as const };
  }
}

/** Materials are JPEG by their content (sniffed with file-type), not by their name or declared type. */
function materialViolations(ctx: Context, name: string, sniffed: string | null, size: number) {
  const violations = [];
  const max = Math.min(ctx.config.materials.maxBytes, MAX_MATERIAL_BYTES);
  if (size > max || size < MIN_MATERIAL_BYTES) {
    const mb = Math.round((max / 1024 / 1024) * 100) / 100;
    violations.push(national('file', 'material-size', `文件大小须在 1KB 到 ${mb}MB 之间`, `Files must be 1 KB – ${mb} MB`, SEED0));
  }
  if (sniffed !== 'image/jpeg' || !/\.jpe?g$/i.test(name)) {
    violations.push(national('file', 'material-jpg', '资料须为 jpg 格式', 'Materials must be JPEG (.jpg) images', SEED0));
  }
  return violations;
}

async function iconViolations(ctx: Context, websiteId: string | null, name: string, sniffed: string | null, size: number) {
  const violations = validateAppIcon({ name, sniffedType: sniffed, size });
  const item = websiteId ? await ctx.db.prisma.website.findUnique({ where: { id: websiteId }, select: { kind: true } }) : null;
  if (!item || item.kind === 'WEBSITE') {
    violations.push(national('websiteId', 'app-icon-item', '请指定图标所属的APP、小程序或快应用', 'Name the APP, mini-program or quick app the icon belongs to (websiteId)', APP_SOURCE.seed003));
  }
  return violations;
}

/** Stores one uploaded image for an editable order after checking its type and size, then checks it. */
export async function uploadMaterial(ctx: Context, args: { orderId: string; kind: MaterialKind; websiteId: string | null; documentCode?: string | null; file: File }) {
  const order = await ownOrder(ctx, args.orderId);
  if (!EDITABLE.includes(order.status)) throw new InvalidTransition('upload materials to', order.status);
  if (args.websiteId) {
    const link = await ctx.db.prisma.orderWebsite.findUnique({ where: { orderId_websiteId: { orderId: order.id, websiteId: args.websiteId } } });
    if (!link) throw new NotFound('Website in this order');
  }
  const bytes = new Uint8Array(await args.file.arrayBuffer());
  const sniffed = await sniffMime(bytes);
  // An APP icon (seed 003: png, jpg or jpeg, its own size limit) belongs to an APP, mini-program or quick app of the order.
  const violations = args.kind === 'APP_ICON' ? await iconViolations(ctx, args.websiteId, args.file.name, sniffed, bytes.length) : materialViolations(ctx, args.file.name, sniffed, bytes.length);
  if (violations.length) throw new ValidationFailed(violations);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const verdict = await ctx.authenticity.check({ kind: args.kind, content: bytes, sha256 });
  const stored = await ctx.storage.put(bytes, sha256);
  return inTransaction(ctx, async (tx) => {
    const material = await tx.material.create({
      data: {
        orderId: order.id,
        websiteId: args.websiteId,
        kind: args.kind,
        documentCode: args.documentCode?.trim() || null,
        fileName: args.file.name.slice(0, 200),
        mimeType: sniffed ?? 'image/jpeg',
        size: bytes.length,
        sha256,
        content: stored.content,
        storage: stored.storage,
        storageKey: stored.storageKey,
        authenticity: verdict.result,
        authenticityDetail: verdict.detail ?? null,
        checkedAt: ctx.clock.now(),
      },
    });
    await appendEvent(tx, {
      orderId: order.id,
      type: 'MATERIAL_ADDED',
      actor: actorOf(ctx),
      detail: { kind: args.kind, sha256, authenticity: verdict.result },
    });
    return material;
  });
}
