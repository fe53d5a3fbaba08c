import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { createSession, newSession, revokeSession } from '../auth/sessions.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Context } from '../context.js';
import type { Prisma as P } from '../generated/prisma/client.js';
import { Role } from '../generated/prisma/enums.js';
import { RoleEnum } from './enums.js';
import { AuthenticationFailed, NotFound, ValidationFailed } from './errors.js';
import { national } from '../workflow/violations.js';

export const AccountType = builder.prismaNode('Account', {
  id: { field: 'id' },
  description: 'A sign-in: an applicant, a reviewer or an admin.',
  authScopes: (account, ctx) =>
    ctx.viewer?.accountId === account.id || ctx.viewer?.role === 'REVIEWER' || ctx.viewer?.role === 'ADMIN',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Sign-in email, lower case.' }),
    displayName: t.exposeString('displayName', { description: 'Name shown to others.' }),
    role: t.expose('role', { type: RoleEnum, description: 'What the account may do.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true, description: 'When an admin disabled the account; null while it can sign in.' }),
  }),
});

const SessionPayload = builder
  .objectRef<{ token: string; expiresAt: Date; accountId: string }>('SessionPayload')
  .implement({
    description: 'A new session. Send the token as `Authorization: Bearer <token>`.',
    fields: (t) => ({
      token: t.exposeString('token', { description: 'The bearer token; shown once, never stored.' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the session ends.' }),
      account: t.prismaField({
        type: 'Account',
        description: 'The signed-in account.',
        resolve: (query, p, _a, ctx) => ctx.db.prisma.account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
      }),
    }),
  });

const SignOutPayload = builder.objectRef<{ revokedAt: Date }>('SignOutPayload').implement({
  description: 'The session ended; its token no longer works anywhere.',
  fields: (t) => ({
    revokedAt: t.expose('revokedAt', { type: 'DateTime', description: 'When the session was revoked.' }),
  }),
});

/** Signs the rest of this request in with a new session, so the payload can be read. */
function signedIn(ctx: Context, account: { id: string; role: Role }, token: string, session: { id: string; expiresAt: Date }) {
  ctx.viewer = { accountId: account.id, role: account.role, sessionId: session.id };
  return { token, expiresAt: session.expiresAt, accountId: account.id };
}

/** Opens a session for an existing account. */
async function openSession(ctx: Context, account: { id: string; role: Role }) {
  const { token, session } = await createSession(ctx.db.prisma, account.id, ctx.config.sessionTtlHours, ctx.clock.now());
  return signedIn(ctx, account, token, session);
}

/**
 * A hash of a random password at the configured cost, checked when the email is unknown or the
 * account disabled, so that sign-in takes as long as for a wrong password.
 */
let decoy: { cost: number; hash: Promise<string> } | null = null;
function decoyHash(cost: number): Promise<string> {
  if (decoy?.cost !== cost) decoy = { cost, hash: hashPassword(randomUUID(), cost) };
  return decoy.hash;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function passwordViolations(password: string, field = 'password') {
  return password.length < 10 || password.length > 200
    ? [national(field, 'password-length', '密码长度须为 10–200 个字符', 'Password must be 10–200 characters')]
    : [];
}

function credentialViolations(email: string, password: string) {
  const out = [];
  if (!EMAIL.test(email) || email.length > 254) {
    out.push(national('email', 'account-email', '邮箱格式不正确', 'Not a valid email address'));
  }
  out.push(...passwordViolations(password));
  return out;
}

const AccountFilter = builder.inputType('AccountFilter', {
  description: 'Narrows the account list; all conditions must hold.',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: false, description: 'Only this role.' }),
    emailContains: t.string({ required: false, description: 'Part of the email (case-insensitive).' }),
    disabled: t.boolean({ required: false, description: 'Only disabled (true) or only active (false) accounts.' }),
  }),
});

function accountWhere(filter: typeof AccountFilter.$inferInput | null | undefined): P.AccountWhereInput {
  return {
    ...(filter?.role ? { role: filter.role } : {}),
    ...(filter?.emailContains ? { email: { contains: filter.emailContains.trim().toLowerCase() } } : {}),
    ...(filter?.disabled === true ? { disabledAt: { not: null } } : filter?.disabled === false ? { disabledAt: null } : {}),
  };
}

builder.queryFields((t) => ({
  accounts: t.prismaConnection({
    type: 'Account',
    cursor: 'id',
    authScopes: { admin: true },
    maxSize: 100,
    defaultSize: 20,
    description: 'Admins: every account, newest first.',
    args: { filter: t.arg({ type: AccountFilter, required: false, description: 'Which accounts.' }) },
    totalCount: (_root, { filter }, ctx) => ctx.db.prisma.account.count({ where: accountWhere(filter) }),
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.prisma.account.findMany({ ...query, where: accountWhere(filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  viewer: t.prismaField({
    type: 'Account',
    nullable: true,
    description: 'The signed-in account, or null.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.prisma.account.findUnique({ ...query, where: { id: ctx.viewer.accountId } }) : null,
  }),
}));

builder.mutationFields((t) => ({
  register: t.field({
    type: SessionPayload,
    description: 'Creates an applicant account and signs it in.',
    errors: { types: [ValidationFailed] },
    args: {
      email: t.arg.string({ description: 'Sign-in email.' }),
      password: t.arg.string({ description: '10–200 characters.' }),
      displayName: t.arg.string({ description: 'Name shown to others, 1–100 characters.' }),
    },
    resolve: async (_root, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      const violations = credentialViolations(email, args.password);
      const displayName = args.displayName.trim();
      if (!displayName || displayName.length > 100) {
        violations.push(national('displayName', 'display-name', '请填写 1–100 个字符的名称', 'Display name must be 1–100 characters'));
      }
      if (violations.length) throw new ValidationFailed(violations);
      const passwordHash = await hashPassword(args.password, ctx.config.passwordHashCost);
      // The account and its first session in one statement: never an account without a way in.
      const { token, data: session } = newSession(ctx.config.sessionTtlHours, ctx.clock.now());
      const account = await ctx.db.prisma.account
        .create({
          data: { email, passwordHash, displayName, role: Role.APPLICANT, sessions: { create: session } },
          include: { sessions: { select: { id: true, expiresAt: true } } },
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) {
            throw new ValidationFailed([national('email', 'account-email-taken', '该邮箱已注册', 'This email is already registered')]);
          }
          throw e;
        });
      return signedIn(ctx, account, token, account.sessions[0]!);
    },
  }),
  signIn: t.field({
    type: SessionPayload,
    description: 'Opens a session. A wrong email or password, or a disabled account, all read as one AuthenticationError.',
    errors: { types: [AuthenticationFailed] },
    args: { email: t.arg.string({ description: 'Sign-in email.' }), password: t.arg.string({ description: 'The password.' }) },
    resolve: async (_root, args, ctx) => {
      const account = await ctx.db.prisma.account.findUnique({ where: { email: args.email.trim().toLowerCase() } });
      const usable = account && !account.disabledAt;
      const ok = await verifyPassword(args.password, usable ? account.passwordHash : await decoyHash(ctx.config.passwordHashCost));
      if (!usable || !ok) throw new AuthenticationFailed();
      if (needsRehash(account.passwordHash, ctx.config.passwordHashCost)) {
        // The cost was raised since this password was set: store a hash at today's cost, unless the
        // password changed meanwhile.
        const passwordHash = await hashPassword(args.password, ctx.config.passwordHashCost);
        await ctx.db.prisma.account.updateMany({ where: { id: account.id, passwordHash: account.passwordHash }, data: { passwordHash } });
      }
      return openSession(ctx, account);
    },
  }),
  changePassword: t.field({
    type: SessionPayload,
    authScopes: { signedIn: true },
    description: 'Sets a new password. Every session of the account ends, this one included; the payload is the new session.',
    errors: { types: [ValidationFailed, AuthenticationFailed] },
    args: { currentPassword: t.arg.string({ description: 'The password in use.' }), newPassword: t.arg.string({ description: '10–200 characters, different from the current one.' }) },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: viewer.accountId } });
      if (!(await verifyPassword(args.currentPassword, account.passwordHash))) throw new AuthenticationFailed('Wrong current password');
      const violations = passwordViolations(args.newPassword, 'newPassword');
      if (args.newPassword === args.currentPassword) {
        violations.push(national('newPassword', 'password-unchanged', '新密码不能与当前密码相同', 'The new password must differ from the current one'));
      }
      if (violations.length) throw new ValidationFailed(violations);
      const passwordHash = await hashPassword(args.newPassword, ctx.config.passwordHashCost);
      const now = ctx.clock.now();
      const { token, data } = newSession(ctx.config.sessionTtlHours, now);
      const session = await ctx.db.prisma.$transaction(async (tx) => {
        // Compare-and-set on the old hash: of two changes at once, one wins and the other is told.
        const changed = await tx.account.updateMany({ where: { id: account.id, passwordHash: account.passwordHash }, data: { passwordHash } });
        if (changed.count !== 1) throw new AuthenticationFailed('The password was changed meanwhile; sign in again');
        await tx.session.updateMany({ where: { accountId: account.id, revokedAt: null }, data: { revokedAt: now } });
        return tx.session.create({ data: { accountId: account.id, ...data } });
      });
      await ctx.sessions.announce({ accountId: account.id, sessionId: null });
      return signedIn(ctx, account, token, session);
    },
  }),
  setAccountDisabled: t.prismaField({
    type: 'Account',
    authScopes: { admin: true },
    description: 'Admins disable an account (it cannot sign in and its sessions end at once) or enable it again. Audited.',
    errors: { types: [ValidationFailed, NotFound] },
    args: { accountId: t.arg.globalID({ for: AccountType, description: 'The account.' }), disabled: t.arg.boolean({ description: 'true disables, false enables.' }) },
    resolve: async (query, _root, args, ctx) => {
      const actor = ctx.viewer!.accountId;
      if (args.accountId.id === actor && args.disabled) {
        throw new ValidationFailed([national('accountId', 'account-self-disable', '不能停用自己的账号', 'Admins cannot disable their own account')]);
      }
      const now = ctx.clock.now();
      const account = await ctx.db.prisma.$transaction(async (tx) => {
        const found = await tx.account.findUnique({ where: { id: args.accountId.id }, select: { id: true, disabledAt: true } });
        if (!found) throw new NotFound('Account');
        await tx.account.update({ where: { id: found.id }, data: { disabledAt: args.disabled ? (found.disabledAt ?? now) : null } });
        if (args.disabled) await tx.session.updateMany({ where: { accountId: found.id, revokedAt: null }, data: { revokedAt: now } });
        await tx.auditEntry.create({
          data: { actorId: actor, action: args.disabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED', targetType: 'Account', targetId: found.id },
        });
        return tx.account.findUniqueOrThrow({ ...query, where: { id: found.id } });
      });
      if (args.disabled) await ctx.sessions.announce({ accountId: args.accountId.id, sessionId: null });
      return account;
    },
  }),
  signOut: t.field({
    type: SignOutPayload,
    authScopes: { signedIn: true },
    description: 'Revokes the current session.',
    resolve: async (_root, _args, ctx) => {
      const now = ctx.clock.now();
      await revokeSession(ctx.db.prisma, ctx.viewer!.sessionId, now);
      await ctx.sessions.announce({ accountId: ctx.viewer!.accountId, sessionId: ctx.viewer!.sessionId });
      return { revokedAt: now };
    },
  }),
  createStaffAccount: t.prismaField({
    type: 'Account',
    authScopes: { admin: true },
    description: 'Admins create reviewer and admin accounts.',
    errors: { types: [ValidationFailed] },
    args: {
      email: t.arg.string({ description: 'Sign-in email.' }),
      password: t.arg.string({ description: '10–200 characters.' }),
      displayName: t.arg.string({ description: 'Name shown to others.' }),
      role: t.arg({ type: RoleEnum, description: 'REVIEWER or ADMIN (APPLICANT works too).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      const violations = credentialViolations(email, args.password);
      if (violations.length) throw new ValidationFailed(violations);
      return ctx.db.prisma.account.create({
        ...query,
        data: { email, passwordHash: await hashPassword(args.password, ctx.config.passwordHashCost), displayName: args.displayName, role: args.role },
      });
    },
  }),
}));
