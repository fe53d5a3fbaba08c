/** Server processes for the benchmark: this API (PGlite or PostgreSQL) and the PostGraphile peer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** Resident memory of the process now, in MiB. */
  rssMiB(): number;
  /** What the process printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function launch(name: string, script: string, env: Record<string, string>, ready: (url: string) => Promise<boolean>): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (!(await ready(url).catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    rssMiB: () => rssMiB(child.pid!),
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * This API as production runs it (NODE_ENV=production), on PGlite (`PGLITE_DIR`) or PostgreSQL
 * (`DATABASE_URL`), optionally with Redis. Rate limits are off: the load comes from one address.
 */
export function startApi(name: string, env: Record<string, string>): Promise<ServerProcess> {
  return launch(
    name,
    'src/main.ts',
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_STORE: 'off', SWEEP_INTERVAL_MS: '5000', ...env },
    async (url) => (await fetch(`${url}/health`)).ok,
  );
}

/** PostGraphile v5 on the same PostgreSQL tables (bench/peer-postgraphile.ts). */
export function startPeer(databaseUrl: string): Promise<ServerProcess> {
  return launch('postgraphile', 'bench/peer-postgraphile.ts', { DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production' }, async (url) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return res.ok;
  });
}
