/**
 * A real CouchDB-protocol server for the live sync tests: pouchdb-server (a devDependency), started on a free
 * loopback port in its own temporary folder and stopped by the test. `--dir` keeps the databases on disk, so a
 * test can kill the server mid-transfer and start it again on the same port with the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Resolved from the repository root, where both Vitest and Playwright run.
const BIN = resolve(process.cwd(), 'node_modules/pouchdb-server/bin/pouchdb-server');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface TestServer {
  url: string;
  port: number;
  /** Kill the process at once (SIGKILL: no graceful shutdown, as a crash or a pulled cable on the server side). */
  kill(): Promise<void>;
  /** Start again on the same port with the same data folder. */
  start(): Promise<void>;
  /** Kill and remove the data folder. */
  stop(): Promise<void>;
}

export async function startServer(options: { inMemory?: boolean } = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'attache-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const args = [BIN, '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', ...(options.inMemory ? ['--in-memory'] : ['--dir', join(dir, 'data')])];
    child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const res = await fetch(`${url}/`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function kill(): Promise<void> {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url,
    port,
    kill,
    start,
    async stop() {
      await kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
