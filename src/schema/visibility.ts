import type { Context } from '../context.js';

/** Staff see everything; an applicant sees only what their account owns. */
export function canSee(ctx: Context, ownerId: string): boolean {
  const v = ctx.viewer;
  if (!v) return false;
  return v.role !== 'APPLICANT' || v.accountId === ownerId;
}

/** A Prisma `where` fragment limiting a list to what the viewer may see. */
export function ownedBy(ctx: Context): { ownerId?: string } {
  const v = ctx.viewer;
  if (!v) throw new Error('ownedBy needs a signed-in viewer');
  return v.role === 'APPLICANT' ? { ownerId: v.accountId } : {};
}
