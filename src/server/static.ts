/**
 * Pages and assets the API serves itself, from installed packages and this repository, so that they
 * work on a network without internet: GraphiQL (from `@graphql-yoga/graphiql`) and the reviewers'
 * board at `/console` (src/console, with graphql-ws's browser build). Nothing is loaded from a CDN.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

const require = createRequire(import.meta.url);
const graphiqlDist = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');
const graphqlWsUmd = join(dirname(dirname(require.resolve('graphql-ws'))), 'umd');
const consoleDir = fileURLToPath(new URL('../console/', import.meta.url));

/** URL path prefix of the GraphiQL assets. */
export const GRAPHIQL_ASSETS = '/graphiql-assets/';

interface Asset {
  file: string;
  type: string;
}

const js = 'text/javascript; charset=utf-8';
const GRAPHIQL_FILES: Record<string, Asset> = {
  'graphiql.css': { file: join(graphiqlDist, 'graphiql.css'), type: 'text/css; charset=utf-8' },
  'yoga-graphiql.js': { file: join(graphiqlDist, 'yoga-graphiql.umd.js'), type: js },
  'editor.worker.js': { file: join(graphiqlDist, 'monacoeditorwork/editor.worker.bundle.js'), type: js },
  'json.worker.js': { file: join(graphiqlDist, 'monacoeditorwork/json.worker.bundle.js'), type: js },
  'graphql.worker.js': { file: join(graphiqlDist, 'monacoeditorwork/graphql.worker..bundle.js'), type: js },
};

const CONSOLE_FILES: Record<string, Asset> = {
  '': { file: join(consoleDir, 'index.html'), type: 'text/html; charset=utf-8' },
  'console.js': { file: join(consoleDir, 'console.js'), type: js },
  'console.css': { file: join(consoleDir, 'console.css'), type: 'text/css; charset=utf-8' },
  'graphql-ws.js': { file: join(graphqlWsUmd, 'graphql-ws.min.js'), type: js },
};

/** The board's page may only talk to its own origin (HTTP and WebSocket). */
const CONSOLE_CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

const cache = new Map<string, Buffer>();
function read(file: string): Buffer {
  let body = cache.get(file);
  if (!body) {
    body = readFileSync(file);
    cache.set(file, body);
  }
  return body;
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset, headers: Record<string, string> = {}): void {
  const body = read(asset.file);
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Serves GraphiQL's assets (when GraphiQL is on) and the board (when CONSOLE is on); everything else goes to `next`. */
export function withStaticPages(next: RequestListener, config: Pick<Config, 'graphiql' | 'console'>): RequestListener {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next(req, res);
    const path = (req.url ?? '/').split('?')[0]!;
    if (config.graphiql && path.startsWith(GRAPHIQL_ASSETS)) {
      const asset = GRAPHIQL_FILES[path.slice(GRAPHIQL_ASSETS.length)];
      if (asset) return send(req, res, asset, { 'cache-control': 'public, max-age=86400' });
    }
    if (config.console && (path === '/console' || path.startsWith('/console/'))) {
      const asset = CONSOLE_FILES[path.slice('/console/'.length)] ?? (path === '/console' ? CONSOLE_FILES['']! : undefined);
      if (asset) return send(req, res, asset, { 'content-security-policy': CONSOLE_CSP, 'referrer-policy': 'no-referrer' });
    }
    return next(req, res);
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * GraphiQL's page, as yoga's default but with every asset served by this server. Yoga's options
 * (title, subscription protocol) pass through.
 */
export function renderGraphiQL(options: Record<string, unknown> = {}): string {
  const title = escapeHtml(String(options.title ?? 'GraphiQL'));
  // The bundle reads the first tab's text from `query` (yoga's option is `defaultQuery`).
  const { defaultQuery, ...rest } = options;
  const opts = JSON.stringify({ ...rest, ...(defaultQuery ? { query: defaultQuery } : {}) }).replace(/</g, '\\u003c');
  const a = GRAPHIQL_ASSETS;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${a}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>You need to enable JavaScript to run this app.</noscript>
<div id="root">Loading ${title}…</div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_id, label) {
    return '${a}' + (label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor') + '.worker.js';
  },
};
</script>
<script src="${a}yoga-graphiql.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(root, ${opts});</script>
</body>
</html>
`;
}
