/**
 * The running live sync session against a real pouchdb-server: a statement typed on one workspace appears on
 * another within seconds; the status line goes offline when the server dies and back when it returns, and
 * the edits made meanwhile arrive; a wrong team key ends in "refused" with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../src-renderer/src/core/live/status';
import { statusLine } from '../../src-renderer/src/core/live/status';
import { fetchTransport } from '../../src-renderer/src/data/live/fetch-transport';
import { checkpointKey } from '../../src-renderer/src/data/live/marks';
import { LiveSession } from '../../src-renderer/src/data/live/session';
import { briefingFields } from './fixtures';
import { installation, type Installation } from './sync-helpers';
import { startServer, type TestServer } from './live-server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - t0;
}

function session(inst: Installation, db: string, passphrase = 'team', statuses: LiveStatus[] = []) {
  const s = new LiveSession({
    ws: inst.ws,
    transport: fetchTransport({ url: server.url, db, user: '', password: '' }),
    passphrase,
    checkpointKey: checkpointKey(server.url, db),
    create: true,
    onStatus: (x) => statuses.push(x),
    pushPollMs: 100,
    longPollMs: 2000,
  });
  s.start();
  return s;
}

describe('live sync session', () => {
  it('a statement typed on one workspace appears on the other within seconds, also after the server restarts', async () => {
    const a = await installation('A', Date.now());
    const b = await installation('B', Date.now());
    const statusesB: LiveStatus[] = [];
    const sa = session(a, 'session-1');
    const sb = session(b, 'session-1', 'team', statusesB);
    try {
      const br = await a.ws.create('briefings', briefingFields({ title: 'Live' }));
      await a.ws.create('statements', { briefingId: br.id, speakerId: null, kind: 'statement', text: 'First words.', tags: [], order: 'a0' });
      const took = await until(async () => (await b.ws.table('statements').count()) === 1);
      expect(took).toBeLessThan(5000);
      await until(async () => statusesB.at(-1)?.state === 'connected');
      expect(statusLine(statusesB.at(-1)!)).toMatch(/^Live sync: connected, last synced at /);

      await server.kill();
      await until(async () => statusesB.at(-1)?.state === 'offline');
      expect(statusLine(statusesB.at(-1)!)).toMatch(/^Live sync: offline — retrying/);
      await b.ws.update('briefings', br.id, { location: 'Typed while offline' });
      await server.start();
      await until(async () => (await a.ws.table('briefings').get(br.id))?.location === 'Typed while offline', 20_000);
    } finally {
      await sa.stop();
      await sb.stop();
    }
  });

  it('a wrong team key ends in "refused" with the reason, and nothing is taken', async () => {
    const a = await installation('A', Date.now());
    const sa = session(a, 'session-2');
    await a.ws.create('briefings', briefingFields({ title: 'Guarded' }));
    await until(async () => ((await (await fetch(`${server.url}/session-2/_all_docs`)).json()) as { rows?: unknown[] }).rows?.length === 2);
    await sa.stop();
    const m = await installation('M', Date.now());
    const statuses: LiveStatus[] = [];
    const sm = session(m, 'session-2', 'not the team key', statuses);
    try {
      await until(async () => statuses.at(-1)?.state === 'refused');
      expect(statusLine(statuses.at(-1)!)).toBe('Live sync refused: The team passphrase is wrong for this database: nothing was sent or received.');
      expect(await m.ws.table('briefings').count()).toBe(0);
    } finally {
      await sm.stop();
    }
  });
});
