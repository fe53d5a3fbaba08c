import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MaterialLinks } from '../context.js';

/** Path prefix of the material route (src/materials/route.ts). */
export const MATERIAL_PATH = '/materials/';

/**
 * Short-lived signed links to one material for one viewer: `/materials/<id>?by=<account>&expires=<unix s>&sig=<HMAC>`.
 * The link names who asked for it, so the route can check that account may still see the file and
 * audit the view under its name. Without MATERIAL_URL_SECRET each process draws its own key.
 */
export function materialLinks(secret: string | undefined, ttlSeconds: number): MaterialLinks {
  const key = secret ? Buffer.from(secret) : randomBytes(32);
  const mac = (id: string, by: string, expires: string) => createHmac('sha256', key).update(`${id}\n${by}\n${expires}`).digest('hex');
  return {
    sign(materialId, viewerId, now) {
      const expires = String(Math.floor(now.getTime() / 1000) + ttlSeconds);
      const q = new URLSearchParams({ by: viewerId, expires, sig: mac(materialId, viewerId, expires) });
      return `${MATERIAL_PATH}${encodeURIComponent(materialId)}?${q}`;
    },
    verify(query, materialId, now) {
      const by = query.get('by');
      const expires = query.get('expires');
      const sig = query.get('sig');
      if (!by || !expires || !sig || !/^\d+$/.test(expires)) return null;
      if (Number(expires) * 1000 < now.getTime()) return null;
      const want = Buffer.from(mac(materialId, by, expires), 'hex');
      const got = Buffer.from(sig, 'hex');
      if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
      return { viewerId: by };
    },
  };
}
