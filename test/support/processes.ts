/**
 * Server processes started from this checkout (`node <script.js>` or `node --import tsx <script.ts>`) on a free loopback port:
 * the cluster suite's instances and the benchmark's servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  process: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** Resident memory of the process now, in MiB (Linux). */
  rssMiB(): number;
  /** SIGKILL: no shutdown, no goodbye to clients; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the clean shutdown. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
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

/** Starts `script` with `env` (plus HOST and PORT) and waits until `ready(url)` is true. */
export async function launch(
  name: string,
  script: string,
  env: Record<string, string>,
  ready: (url: string) => Promise<boolean> = async (url) => (await fetch(`${url}/health`)).ok,
  timeoutMs = 300_000,
): Promise<ServerProcess> {
  const port = await freePort();
  // Built JavaScript runs as it is; TypeScript through tsx.
  const child = spawn(process.execPath, /\.m?js$/.test(script) ? [script] : ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await ready(url).catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const signal = async (s: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(s);
    await exited;
  };
  return {
    name,
    url,
    pid: child.pid!,
    process: child,
    output: () => out,
    rssMiB: () => rssMiB(child.pid!),
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
