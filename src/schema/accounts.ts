import { randomUUID } from 'node:crypto';
import { builder } from '../builder.js';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { createSession, newSession, revokeSession } from '../auth/sessions.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Context } from '../context.js';
import { Role } from '../generated/prisma/enums.js';
import { RoleEnum } from './enums.js';
import { AuthenticationFailed, ValidationFailed } from './errors.js';
import { national } from '../workflow/violations.js';

export const AccountType = builder.prismaNode('Account', {
  id: { field: 'id' },
  description: 'A sign-in: an applicant, a reviewer or an admin.',
  authScopes: (account, ctx) =>
    ctx.viewer?.accountId === account.id || ctx.viewer?.role === 'REVIEWER' || ctx.viewer?.role === 'ADMIN',
  fields: (t) => ({
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const SessionPayload = builder
  .objectRef<{ token: string; expiresAt: Date; accountId: string }>('SessionPayload')
  .implement({
    description: 'A new session. Send the token as `Authorization: Bearer <token>`.',
    fields: (t) => ({
      token: t.exposeString('token'),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      account: t.prismaField({
        type: 'Account',
        resolve: (query, p, _a, ctx) => ctx.db.prisma.account.findUniqueOrThrow({ ...query, where: { id: p.accountId } }),
      }),
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

function credentialViolations(email: string, password: string) {
  const out = [];
  if (!EMAIL.test(email) || email.length > 254) {
    out.push(national('email', 'account-email', '邮箱格式不正确', 'Not a valid email address'));
  }
  if (password.length < 10 || password.length > 200) {
    out.push(national('password', 'password-length', '密码长度须为 10–200 个字符', 'Password must be 10–200 characters'));
  }
  return out;
}

builder.queryFields((t) => ({
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
      email: t.arg.string(),
      password: t.arg.string(),
      displayName: t.arg.string(),
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
    errors: { types: [AuthenticationFailed] },
    args: { email: t.arg.string(), password: t.arg.string() },
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
  signOut: t.boolean({
    authScopes: { signedIn: true },
    description: 'Revokes the current session.',
    resolve: async (_root, _args, ctx) => {
      await revokeSession(ctx.db.prisma, ctx.viewer!.sessionId, ctx.clock.now());
      return true;
    },
  }),
  createStaffAccount: t.prismaField({
    type: 'Account',
    authScopes: { admin: true },
    description: 'Admins create reviewer and admin accounts.',
    errors: { types: [ValidationFailed] },
    args: {
      email: t.arg.string(),
      password: t.arg.string(),
      displayName: t.arg.string(),
      role: t.arg({ type: RoleEnum }),
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
