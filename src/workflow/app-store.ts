/** How an APP's, mini-program's or quick app's own information is stored beside its item (a `Website` row of its kind). */
import type { Prisma as P } from '../generated/prisma/client.js';
import { normaliseMd5, normalisePublicKey, parseAppDomain } from '../validation/index.js';
import type { WebsiteData } from './filing-data.js';

/** Nested writes of an item's platforms, SDK services and back-end domains (none for a website). */
export function appItemCreate(w: WebsiteData) {
  return {
    appPlatforms: {
      create: (w.platforms ?? []).map((p, position) => ({
        kind: p.kind,
        packageName: p.packageName?.trim() || null,
        appId: p.appId?.trim() || null,
        publicKey: p.publicKey ? normalisePublicKey(p.publicKey) || null : null,
        md5Signature: p.md5Signature?.trim() ? normaliseMd5(p.md5Signature) : null,
        position,
      })),
    },
    appSdks: { create: (w.sdks ?? []).map((s, position) => ({ provider: s.provider.trim(), type: s.type.trim(), position })) },
    appDomains: {
      create: (w.appDomains ?? []).map((d, position) => ({ name: parseAppDomain(d, 'domain').hostname ?? d.trim().toLowerCase(), position })),
    },
  } satisfies Pick<P.WebsiteCreateInput, 'appPlatforms' | 'appSdks' | 'appDomains'>;
}

/** An item's APP information in its stored form, for comparing a change proposal with what is filed. */
export function normalisedAppFields(w: WebsiteData): Pick<WebsiteData, 'platforms' | 'sdks' | 'appDomains'> {
  if ((w.kind ?? 'WEBSITE') === 'WEBSITE') return {};
  const rows = appItemCreate(w);
  return {
    platforms: rows.appPlatforms.create.map(({ kind, packageName, appId, publicKey, md5Signature }) => ({ kind, packageName, appId, publicKey, md5Signature })),
    sdks: rows.appSdks.create.map(({ provider, type }) => ({ provider, type })),
    appDomains: rows.appDomains.create.map((d) => d.name),
  };
}

/** Nested writes replacing an item's platforms, SDK services and back-end domains (a change filing's approval). */
export function appItemReplace(w: WebsiteData) {
  if ((w.kind ?? 'WEBSITE') === 'WEBSITE') return {};
  const rows = appItemCreate(w);
  return {
    appPlatforms: { deleteMany: {}, create: rows.appPlatforms.create },
    appSdks: { deleteMany: {}, create: rows.appSdks.create },
    appDomains: { deleteMany: {}, create: rows.appDomains.create },
  } satisfies Pick<P.WebsiteUpdateInput, 'appPlatforms' | 'appSdks' | 'appDomains'>;
}
