/**
 * Live sync against a real CouchDB-protocol server (pouchdb-server, started here on a free port): clients on
 * their own workspaces (fake-indexeddb) converge through it with the file merge, conflict log and invariants;
 * a server killed mid-push or mid-pull loses and duplicates nothing; a wrong team key changes nothing; the
 * classification ceiling keeps records home.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES, SETTINGS_ID, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { isSyncError } from '../../src-renderer/src/core/sync/guards';
import { LiveOffline, type LiveTransport } from '../../src-renderer/src/core/live/transport';
import { WRONG_TEAM_KEY } from '../../src-renderer/src/core/live/envelope';
import { fetchTransport } from '../../src-renderer/src/data/live/fetch-transport';
import { dexieStore } from '../../src-renderer/src/data/live/dexie-store';
import { checkpointKey } from '../../src-renderer/src/data/live/marks';
import { LiveReplicator } from '../../src-renderer/src/data/live/replicator';
import { generateNKeysBetween } from 'fractional-indexing';
import { briefingFields } from './fixtures';
import { dump, installation, type Installation } from './sync-helpers';
import { startServer, type TestServer } from './live-server';

let server: TestServer;
let dbn = 0;

beforeAll(async () => {
  server = await startServer();
}, 30_000);

afterAll(async () => {
  await server?.stop();
});

const PASS = 'correct horse battery staple';

interface Client extends Installation {
  rep: LiveReplicator;
  transport: LiveTransport;
}

async function client(name: string, db: string, options: { passphrase?: string; ceiling?: string | null; transport?: (t: LiveTransport) => LiveTransport; pullBatch?: number; pushBatch?: number; start?: number } = {}): Promise<Client> {
  const inst = await installation(name, options.start ?? Date.now());
  const config = { url: server.url, db, user: '', password: '' };
  const base = fetchTransport(config);
  const transport = options.transport ? options.transport(base) : base;
  const rep = new LiveReplicator({
    transport,
    store: dexieStore(inst.ws, checkpointKey(config.url, db)),
    passphrase: options.passphrase ?? PASS,
    create: true,
    ceilingForNewDatabase: options.ceiling ?? null,
    pullBatch: options.pullBatch,
    pushBatch: options.pushBatch,
    now: () => inst.clock.t,
  });
  return { ...inst, rep, transport };
}

/** Valid statement order keys (the import repairs any other, which would make the workspaces differ). */
const KEYS = generateNKeysBetween(null, null, 200);

const newDb = () => `live-test-${++dbn}-${Math.random().toString(36).slice(2, 8)}`;

async function sync(...clients: Client[]) {
  for (const c of clients) {
    await c.rep.connect();
    await c.rep.syncOnce();
  }
}

/** Every record of every table, by id: what "identical workspaces" means. */
async function records(c: Pick<Client, 'ws'>) {
  const d = await dump(c.ws);
  return Object.fromEntries(SYNCED_TABLES.map((t) => [t, d[t]]));
}

async function serverDocs(db: string): Promise<{ total: number; ids: string[] }> {
  const res = (await (await fetch(`${server.url}/${db}/_all_docs`)).json()) as { rows: { id: string }[] };
  return { total: res.rows.length, ids: res.rows.map((r) => r.id) };
}

async function localCount(c: Pick<Client, 'ws'>): Promise<number> {
  const d = await dump(c.ws);
  return SYNCED_TABLES.reduce((n, t) => n + d[t].length, 0);
}

describe('live sync through pouchdb-server', () => {
  it('two clients see each other’s statements and converge after concurrent edits, the loser in both conflict logs', async () => {
    const db = newDb();
    const a = await client('Alice', db);
    const b = await client('Bob', db);
    const briefing = await a.ws.create('briefings', briefingFields({ title: 'Border talks' }));
    await a.ws.create('statements', { briefingId: briefing.id, speakerId: null, kind: 'statement', text: 'Alice’s note.', tags: [], order: 'a0' });
    await sync(a, b);
    expect((await b.ws.table('briefings').get(briefing.id))?.title).toBe('Border talks');
    expect((await b.ws.table('statements').toArray()).map((s) => s.text)).toEqual(['Alice’s note.']);

    // Both edit the same title without seeing each other.
    a.clock.t += 1000;
    b.clock.t += 2000;
    await a.ws.update('briefings', briefing.id, { title: 'Border talks (Alice)' });
    await b.ws.update('briefings', briefing.id, { title: 'Border talks (Bob)' });
    await b.ws.create('statements', { briefingId: briefing.id, speakerId: null, kind: 'statement', text: 'Bob’s note.', tags: [], order: 'a1' });
    await sync(a, b, a);
    expect(await records(a)).toEqual(await records(b));
    const title = (await a.ws.table('briefings').get(briefing.id))?.title;
    expect(title).toBe('Border talks (Bob)');
    const logA = (await a.ws.table('conflicts').toArray()).filter((c) => c.recordId === briefing.id && c.field === 'title');
    expect(logA.map((c) => c.value)).toEqual(['Border talks (Alice)']);
    // The server holds exactly one document per record, plus the team document.
    expect((await serverDocs(db)).total).toBe((await localCount(a)) + 1);
  });

  it('three clients editing the same records concurrently converge to identical workspaces, every loser logged', async () => {
    const db = newDb();
    const start = Date.now();
    const [a, b, c] = [await client('A', db, { start }), await client('B', db, { start }), await client('C', db, { start })];
    const shared = await a.ws.create('briefings', briefingFields({ title: 'Shared', summary: '' }));
    await sync(a, b, c);
    for (let round = 0; round < 3; round++) {
      for (const [k, x] of [a, b, c].entries()) {
        x.clock.t += 500 + k * 10;
        // A deletion seen in an earlier round is undone from the trash before editing, as a user would.
        if ((await x.ws.table('briefings').get(shared.id))?.deleted) await x.ws.restore('briefings', shared.id);
        await x.ws.update('briefings', shared.id, { title: `Title by ${x.ws.installation.name} in round ${round}` });
        if (round === 1 && k === 2) await x.ws.remove('briefings', shared.id);
        await x.ws.create('statements', { briefingId: shared.id, speakerId: null, kind: 'statement', text: `${x.ws.installation.name} ${round}`, tags: [], order: KEYS[round * 3 + k]! });
      }
      // Concurrent: each pushes before seeing the others' pushes of this round.
      await Promise.all([a, b, c].map(async (x) => x.rep.connect().then(() => x.rep.push())));
      await sync(a, b, c);
    }
    await sync(a, b, c, a, b);
    const ra = await records(a);
    expect(await records(b)).toEqual(ra);
    expect(await records(c)).toEqual(ra);
    // Every title some client wrote and that is not the final one was replaced knowingly or is in the log.
    const finalTitle = (await a.ws.table('briefings').get(shared.id))!.title;
    const logged = new Set((ra.conflicts as StoredRecord<'conflicts'>[]).filter((e) => e.field === 'title').map((e) => e.value));
    expect(logged.size).toBeGreaterThan(0);
    expect(logged.has(finalTitle)).toBe(false);
    // No document on the server is left with open revision conflicts.
    const res = (await (await fetch(`${server.url}/${db}/_all_docs?include_docs=true&conflicts=true`)).json()) as { rows: { doc: { _conflicts?: string[] } }[] };
    expect(res.rows.filter((r) => r.doc._conflicts?.length).length).toBe(0);
  });

  it('a CouchDB revision conflict is resolved by mergeRecord the same way on every client', async () => {
    const db = newDb();
    // B reads the server's version, then waits while A writes a child of it, then writes its own child of the
    // same parent: CouchDB keeps both leaves, a real revision conflict.
    let gate: (() => void) | undefined;
    let holdB = false;
    const aWrote = new Promise<void>((r) => (gate = r));
    const a = await client('A', db);
    const b = await client('B', db, {
      transport: (t) => ({
        request: async (req, signal) => {
          if (holdB && req.path === '_revs_diff') await aWrote;
          return t.request(req, signal);
        },
      }),
    });
    const br = await a.ws.create('briefings', briefingFields({ title: 'T', location: 'Dushanbe' }));
    await sync(a, b);
    a.clock.t += 1000;
    b.clock.t += 1000;
    await a.ws.update('briefings', br.id, { title: 'T by A' });
    await b.ws.update('briefings', br.id, { title: 'T by B', location: 'Kabul' });
    holdB = true;
    const pushB = b.rep.push();
    await new Promise((r) => setTimeout(r, 200));
    await a.rep.push();
    gate!();
    await pushB;
    holdB = false;
    const before = (await (await fetch(`${server.url}/${db}/${br.id}?conflicts=true`)).json()) as { _conflicts?: string[] };
    expect(before._conflicts?.length).toBe(1);
    // Each client resolves it on its next pull; the merge is the file merge, so they agree.
    await sync(b, a, b);
    const mine = (await a.ws.table('briefings').get(br.id))!;
    expect(mine.location).toBe('Kabul');
    expect(await records(a)).toEqual(await records(b));
    const titles = [mine.title, ...(await a.ws.table('conflicts').toArray()).filter((c) => c.recordId === br.id && c.field === 'title').map((c) => c.value)];
    expect(titles.sort()).toEqual(['T by A', 'T by B']);
    const after = (await (await fetch(`${server.url}/${db}/${br.id}?conflicts=true`)).json()) as { _conflicts?: string[] };
    expect(after._conflicts ?? []).toEqual([]);
  });

  it('a wrong team passphrase is refused with a clear message, and nothing changes on either side', async () => {
    const db = newDb();
    const a = await client('A', db);
    await a.ws.create('briefings', briefingFields({ title: 'Secret plans' }));
    await sync(a);
    const mallory = await client('M', db, { passphrase: 'wrong passphrase' });
    await mallory.ws.create('briefings', briefingFields({ title: 'Mallory’s' }));
    const before = await records(mallory);
    const onServer = await serverDocs(db);
    const err = await mallory.rep.connect().catch((e: unknown) => e);
    expect(isSyncError(err) && err.code === 'wrong-passphrase').toBe(true);
    expect((err as Error).message).toBe(WRONG_TEAM_KEY);
    await expect(mallory.rep.pull()).rejects.toThrow();
    expect(await records(mallory)).toEqual(before);
    expect(await serverDocs(db)).toEqual(onServer);
  });

  it('respects the database’s classification ceiling: records above it stay local and are counted', async () => {
    const db = newDb();
    const a = await client('A', db, { ceiling: 'restricted' });
    const b = await client('B', db);
    const open = await a.ws.create('briefings', briefingFields({ title: 'Open', classification: 'restricted' }));
    const secret = await a.ws.create('briefings', briefingFields({ title: 'Secret one', classification: 'secret' }));
    await a.ws.create('statements', { briefingId: secret.id, speakerId: null, kind: 'statement', text: 'Classified words.', tags: [], order: 'a0' });
    await a.ws.create('statements', { briefingId: open.id, speakerId: null, kind: 'statement', text: 'Open words.', tags: [], order: 'a0' });
    await a.rep.connect();
    const { push } = await a.rep.syncOnce();
    expect(push.withheld).toBe(2);
    expect(a.rep.currentStatus().withheld).toBe(2);
    await sync(b);
    expect(b.rep.ceiling).toBe('restricted');
    expect((await b.ws.table('briefings').toArray()).map((x) => x.title)).toEqual(['Open']);
    expect((await b.ws.table('statements').toArray()).map((x) => x.text)).toEqual(['Open words.']);
    const ids = (await serverDocs(db)).ids;
    expect(ids).not.toContain(secret.id);
    // The server sees ids and ciphertext only: no title in any document.
    const raw = await (await fetch(`${server.url}/${db}/_all_docs?include_docs=true`)).text();
    expect(raw).not.toContain('Open words');
    expect(raw).not.toContain('restricted');

    // A briefing raised above the ceiling after it went out is withdrawn: its document is deleted on the server.
    a.clock.t += 1000;
    await a.ws.update('briefings', open.id, { classification: 'secret' });
    const again = await a.rep.push();
    expect(again.withdrawn).toBe(1);
    expect((await serverDocs(db)).ids).not.toContain(open.id);
    // A colleague keeps the copy they had; nothing of the raised version reaches them.
    await sync(b);
    expect((await b.ws.table('briefings').get(open.id))?.classification).toBe('restricted');
  });

  it('edits made offline for a day arrive when the link returns', async () => {
    const db = newDb();
    const a = await client('A', db);
    const b = await client('B', db);
    const br = await a.ws.create('briefings', briefingFields({ title: 'Before the outage' }));
    await sync(a, b);
    // A is cut off: its requests fail; it keeps working for 24 hours.
    let offline = true;
    const dead: LiveTransport = {
      request: async (req, signal) => {
        if (offline) throw new LiveOffline('The server cannot be reached.');
        return a.transport.request(req, signal);
      },
    };
    const a2 = new LiveReplicator({ transport: dead, store: dexieStore(a.ws, checkpointKey(server.url, db)), passphrase: PASS });
    for (let h = 0; h < 24; h++) {
      a.clock.t += 3600_000;
      b.clock.t += 3600_000;
      await a.ws.create('statements', { briefingId: br.id, speakerId: null, kind: 'statement', text: `Hour ${h}`, tags: [], order: KEYS[h]! });
      await expect(a2.connect()).rejects.toBeInstanceOf(LiveOffline);
    }
    await b.ws.update('briefings', br.id, { location: 'Geneva' });
    await sync(b);
    offline = false;
    await a2.connect();
    await a2.syncOnce();
    await sync(b);
    expect((await b.ws.table('statements').count())).toBe(24);
    expect((await a.ws.table('briefings').get(br.id))?.location).toBe('Geneva');
    expect(await records(a)).toEqual(await records(b));
  });

  it('a server killed mid-push and restarted loses and duplicates nothing', async () => {
    const db = newDb();
    let bulk = 0;
    let killAt = 2;
    const a = await client('A', db, {
      pushBatch: 20,
      transport: (t) => ({
        request: async (req, signal) => {
          const res = await t.request(req, signal);
          if (req.path === '_bulk_docs' && ++bulk === killAt) await server.kill();
          return res;
        },
      }),
    });
    const b = await client('B', db, { pullBatch: 15 });
    const br = await a.ws.create('briefings', briefingFields({ title: 'Many statements' }));
    for (let i = 0; i < 100; i++) await a.ws.create('statements', { briefingId: br.id, speakerId: null, kind: 'statement', text: `S${i}`, tags: [], order: KEYS[i]! });
    await a.rep.connect();
    await expect(a.rep.push()).rejects.toBeInstanceOf(LiveOffline);
    await server.start();
    killAt = -1;
    const again = await a.rep.push();
    // What reached the server before the kill is not sent twice.
    expect(again.alreadyThere).toBeGreaterThan(0);
    expect(again.sent + again.alreadyThere).toBeGreaterThanOrEqual(101 - 40);
    const docs = await serverDocs(db);
    expect(docs.total).toBe((await localCount(a)) + 1);
    expect(new Set(docs.ids).size).toBe(docs.total);
    await sync(b);
    expect(await records(b)).toEqual(await records(a));
  });

  it('a server killed mid-pull and restarted loses and duplicates nothing', async () => {
    const db = newDb();
    const a = await client('A', db);
    const br = await a.ws.create('briefings', briefingFields({ title: 'Pulled in pieces' }));
    for (let i = 0; i < 80; i++) await a.ws.create('statements', { briefingId: br.id, speakerId: null, kind: 'statement', text: `P${i}`, tags: [], order: KEYS[i]! });
    await sync(a);
    let changes = 0;
    let killAt = 3;
    const b = await client('B', db, {
      pullBatch: 10,
      transport: (t) => ({
        request: async (req, signal) => {
          if (req.path.startsWith('_changes') && ++changes === killAt) await server.kill();
          return t.request(req, signal);
        },
      }),
    });
    await b.rep.connect();
    await expect(b.rep.pull()).rejects.toBeInstanceOf(LiveOffline);
    const partial = await localCount(b);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(82);
    await server.start();
    killAt = -1;
    await b.rep.pull();
    expect(await records(b)).toEqual(await records(a));
    expect(await b.ws.table('statements').count()).toBe(80);
  });

  it('a pull that fails applying a batch while the next is read ahead resumes after the last applied one: nothing lost, nothing twice', async () => {
    const db = newDb();
    const a = await client('A', db);
    const br = await a.ws.create('briefings', briefingFields({ title: 'Read ahead' }));
    for (let i = 0; i < 60; i++) await a.ws.create('statements', { briefingId: br.id, speakerId: null, kind: 'statement', text: `R${i}`, tags: [], order: KEYS[i]! });
    await sync(a);
    const b = await installation('B', Date.now());
    const key = checkpointKey(server.url, db);
    const store = dexieStore(b.ws, key);
    let applies = 0;
    let failAt = 3;
    const changesAsked: string[] = [];
    const base = fetchTransport({ url: server.url, db, user: '', password: '' });
    const rep = new LiveReplicator({
      transport: { request: (req, signal) => (req.path.startsWith('_changes') && changesAsked.push(req.path), base.request(req, signal)) },
      store: { ...store, apply: async (data) => (++applies === failAt ? Promise.reject(new Error('disk full')) : store.apply(data)) },
      passphrase: PASS,
      pullBatch: 10,
    });
    await rep.connect();
    await expect(rep.pull()).rejects.toThrow('disk full');
    // The fourth batch was already asked for (read ahead) when the third failed, but the checkpoint is the second's.
    expect(changesAsked.length).toBe(4);
    const since = (await store.loadCheckpoint()).since;
    expect(new URLSearchParams(changesAsked[2]!.split('?')[1]).get('since')).toBe(since);
    // Two batches applied: twenty changes, one of them the team document (not a record).
    expect(await localCount(b)).toBe(19);
    failAt = -1;
    await rep.pull();
    const d = await dump(b.ws);
    expect(d.statements.map((s) => s.text).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `R${i}`).sort());
    expect(await records(b)).toEqual(await records(a));
  });

  it('a record dated beyond the allowed drift is held back, then taken once this computer’s clock has caught up', async () => {
    const db = newDb();
    const now = Date.now();
    const a = await client('A', db, { start: now + 48 * 3600_000 });
    const b = await client('B', db, { start: now });
    const br = await a.ws.create('briefings', briefingFields({ title: 'From a fast clock' }));
    await sync(a);
    await b.rep.connect();
    const first = await b.rep.pull();
    expect(first.heldBack).toBe(1);
    expect(await b.ws.table('briefings').get(br.id)).toBeUndefined();
    // Nothing new on the server; the held-back record is asked for again at each pull.
    expect((await b.rep.pull()).heldBack).toBe(1);
    expect(await b.ws.table('briefings').get(br.id)).toBeUndefined();
    b.clock.t += 48 * 3600_000;
    await b.rep.pull();
    expect((await b.ws.table('briefings').get(br.id))?.title).toBe('From a fast clock');
    expect((await b.ws.db.meta.toArray()).some((m) => JSON.stringify(m.value).includes(br.id))).toBe(false);
  });

  it('a pulled batch that would delete more than half the workspace is refused, nothing changed', async () => {
    const db = newDb();
    const a = await client('A', db);
    const b = await client('B', db);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await a.ws.create('briefings', briefingFields({ title: `B${i}` }))).id);
    await sync(a, b);
    a.clock.t += 1000;
    for (const id of ids.slice(0, 3)) await a.ws.remove('briefings', id);
    await sync(a);
    const before = await records(b);
    const err = await b.rep.pull().catch((e: unknown) => e);
    expect(isSyncError(err) && err.code === 'mass-delete').toBe(true);
    expect((err as Error).message).toMatch(/^This import would delete 3 of your 4 records: live sync stopped and nothing was changed\./);
    expect(await records(b)).toEqual(before);
  });

  it('keeps pulled records out of the next push (nothing echoed back) and settings travel', async () => {
    const db = newDb();
    const a = await client('A', db);
    const b = await client('B', db);
    await a.ws.create('briefings', briefingFields({ title: 'Once' }));
    await sync(a, b);
    const settings = await b.ws.table('settings').get(SETTINGS_ID);
    expect(settings === undefined || settings.id === SETTINGS_ID).toBe(true);
    const { push } = await b.rep.syncOnce();
    expect(push.sent).toBe(0);
    void ([] as SyncedTable[]);
  });
});

describe('the fetch transport', () => {
  it('asks a server on this machine for uncompressed answers, and leaves the negotiation alone elsewhere', async () => {
    const seen: Record<string, string>[] = [];
    const fake = (async (_url: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    for (const url of ['http://127.0.0.1:5984', 'http://localhost:5984', 'http://[::1]:5984', 'https://couch.example.org', 'https://127.example.org']) {
      await fetchTransport({ url, db: 'team', user: '', password: '' }, fake).request({ method: 'GET', path: '' });
    }
    expect(seen.map((h) => h['accept-encoding'])).toEqual(['identity', 'identity', 'identity', undefined, undefined]);
  });
});
