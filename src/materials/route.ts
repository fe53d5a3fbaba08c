import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { audit } from '../audit.js';
import type { Services } from '../context.js';
import { appendEvent, inTransaction } from '../workflow/engine.js';
import { MATERIAL_PATH } from './links.js';
import { readMaterial } from './storage.js';

function fail(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(message);
}

/**
 * `GET /materials/<id>?by=…&expires=…&sig=…`: serves one uploaded material to the owner of its order
 * or to a reviewer, through a link from `Material.url` (short-lived, signed, naming the viewer). The
 * account is checked again when the link is used (disabled accounts and changed roles lose access).
 * A reviewer's view is written to the audit trail and to the order's history (PERSONAL_DATA_VIEWED)
 * before the bytes are sent. Everything else goes to `next`.
 */
export function materialRoute(services: Services, next: RequestListener): RequestListener {
  const serve = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const id = decodeURIComponent(url.pathname.slice(MATERIAL_PATH.length));
    const now = services.clock.now();
    const link = services.materialLinks.verify(url.searchParams, id, now);
    if (!link) return fail(res, 403, 'This link is invalid or has expired; ask the API for a new one (Material.url).');
    const prisma = services.db.prisma;
    const [viewer, material] = await Promise.all([
      prisma.account.findUnique({ where: { id: link.viewerId }, select: { id: true, role: true, disabledAt: true } }),
      prisma.material.findUnique({ where: { id }, include: { order: { select: { ownerId: true } } } }),
    ]);
    const owner = !!viewer && !!material && material.order.ownerId === viewer.id;
    const staff = !!viewer && (viewer.role === 'REVIEWER' || viewer.role === 'ADMIN');
    if (!viewer || viewer.disabledAt || !material || !(owner || staff)) return fail(res, 404, 'Material not found');
    const bytes = await readMaterial(services.storage, material);
    if (!bytes) return fail(res, 410, 'The file of this material is missing from storage');
    if (!owner) {
      await inTransaction(services, async (tx) => {
        await audit(tx, {
          actorId: viewer.id,
          action: 'MATERIAL_VIEWED',
          targetType: 'Material',
          targetId: material.id,
          field: material.kind,
          orderId: material.orderId,
        });
        await appendEvent(tx, {
          orderId: material.orderId,
          type: 'PERSONAL_DATA_VIEWED',
          actor: { id: viewer.id, role: viewer.role },
          detail: { material: material.id, kind: material.kind },
        });
      });
    }
    res.writeHead(200, {
      'content-type': material.mimeType,
      'content-length': String(bytes.length),
      'content-disposition': `inline; filename="${material.id}.jpg"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(bytes));
  };
  return (req, res) => {
    if (!req.url?.startsWith(MATERIAL_PATH) || (req.method !== 'GET' && req.method !== 'HEAD')) return next(req, res);
    const url = new URL(req.url, 'http://localhost');
    serve(req, res, url).catch(() => {
      if (!res.headersSent) fail(res, 500, 'Could not read this material');
      else res.destroy();
    });
  };
}
