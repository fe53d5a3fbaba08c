import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Config } from '../config.js';

/** Slow clients: the headers must arrive within 20 s and the whole request within 2 minutes (an upload on a slow line). */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Refuses oversized bodies before anything reads them: a body must declare its length
 * (Content-Length, which Node enforces), at most BODY_LIMIT_BYTES, or UPLOAD_LIMIT_BYTES for
 * multipart uploads. The rest goes to `next`.
 */
export function withBodyLimits(next: RequestListener, config: Pick<Config, 'bodyLimitBytes' | 'uploadLimitBytes'>): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = req.headers['content-length'];
    if (declared === undefined) {
      if (req.headers['transfer-encoding']) {
        req.resume();
        return refuse(res, 411, 'LENGTH_REQUIRED', 'Send the request body with a Content-Length');
      }
      return next(req, res);
    }
    const multipart = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
    const limit = multipart ? config.uploadLimitBytes : config.bodyLimitBytes;
    if (Number(declared) > limit) {
      req.resume();
      return refuse(res, 413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${limit} bytes`);
    }
    return next(req, res);
  };
}

export function applyServerTimeouts(server: Server): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
}
