/**
 * `attache live push | pull | status <sync-file> --server <url> --db <name> --passphrase-file <path>`: a sync
 * file's records to and from a team's CouchDB database, with the app's replicator (data/live/replicator.ts)
 * over fetch, and the stages of `sync merge` on the file side (core/live/maps-store.ts).
 *
 * The passphrase file's first line is the team passphrase; it also opens (and re-encrypts) the sync file when
 * that file is encrypted. The user name and password come from ATTACHE_LIVE_USER / ATTACHE_LIVE_PASSWORD, so
 * they never appear in a process list or a shell history.
 */
import { access } from 'node:fs/promises';
import { SYNCED_TABLES, emptyWorkspaceData, type StoredRecord, type SyncedTable } from '../../src-renderer/src/core/model';
import { MERGE_INSTALLATION, encodeSyncFile, readHeader } from '../../src-renderer/src/core/sync/format';
import { SyncError } from '../../src-renderer/src/core/sync/guards';
import { toMaps } from '../../src-renderer/src/core/sync/merge';
import { mapsStore } from '../../src-renderer/src/core/live/maps-store';
import { withinDatabaseCeiling } from '../../src-renderer/src/core/live/ceiling';
import { LiveOffline, LiveRefused, databaseNameProblem, serverUrlProblem, type LiveServerConfig } from '../../src-renderer/src/core/live/transport';
import { fetchTransport } from '../../src-renderer/src/data/live/fetch-transport';
import { LiveReplicator } from '../../src-renderer/src/data/live/replicator';
import { appVersion, decodeInputs, fail, parse, readInput, readPassphrase, writeFileAtomic } from './args';
import { nodeOpener } from './live-opener';

const OPTIONS = {
  server: { type: 'string' },
  db: { type: 'string' },
  'passphrase-file': { type: 'string' },
  ceiling: { type: 'string' },
} as const;

export async function runLive(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub !== 'push' && sub !== 'pull' && sub !== 'status') {
      throw new SyncError('usage', sub ? `Unknown live command "${sub}"; use push, pull or status.` : 'Name a live command: push, pull or status.');
    }
    const { values, positionals } = parse(rest, OPTIONS);
    if (positionals.length !== 1) throw new SyncError('usage', `live ${sub} takes exactly one sync file.`);
    const path = positionals[0]!;
    if (!values.server || !values.db) throw new SyncError('usage', `live ${sub} needs --server <url> and --db <name>.`);
    const urlProblem = serverUrlProblem(values.server);
    if (urlProblem) throw new SyncError('usage', urlProblem);
    const dbProblem = databaseNameProblem(values.db);
    if (dbProblem) throw new SyncError('usage', dbProblem);
    const passphrase = await readPassphrase(values['passphrase-file']);
    if (!passphrase) throw new SyncError('usage', `live ${sub} needs --passphrase-file <path> (the team passphrase).`);
    const config: LiveServerConfig = { url: values.server, db: values.db, user: process.env.ATTACHE_LIVE_USER ?? '', password: process.env.ATTACHE_LIVE_PASSWORD ?? '' };
    return await run(sub, path, config, passphrase, values.ceiling ?? null);
  } catch (e) {
    if (e instanceof LiveOffline || e instanceof LiveRefused) {
      console.error(e.message);
      return 1;
    }
    return fail(e);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function run(sub: 'push' | 'pull' | 'status', path: string, config: LiveServerConfig, passphrase: string, ceiling: string | null): Promise<number> {
  const present = await exists(path);
  if (!present && sub !== 'pull') throw new SyncError('usage', `Cannot read ${path}.`);
  // The file's passphrase is the team's when the file is encrypted.
  const encrypted = present ? readHeader(await readInput(path)).encrypted : false;
  const file = present ? (await decodeInputs([path], encrypted ? passphrase : undefined))[0]! : undefined;
  const maps = toMaps(file?.data ?? emptyWorkspaceData());
  const store = mapsStore(maps, {
    onRepairs: (check) => {
      for (const f of check.repaired) console.error(`server: repaired (${f.rule}): ${f.message}`);
      for (const f of check.refused) console.error(`server: refused (${f.rule}): ${f.message}`);
    },
  });
  const rep = new LiveReplicator({ transport: fetchTransport(config), store, passphrase, create: sub === 'push', ceilingForNewDatabase: ceiling, opener: nodeOpener() });
  const team = await rep.connect();

  if (sub === 'push') {
    const r = await rep.push();
    const withheld = r.withheld ? ` ${r.withheld} stayed in the file: they are classified above the database’s ceiling.` : '';
    console.log(`Pushed ${path} to ${config.db}: ${r.sent} records sent, ${r.alreadyThere} already on the server.${withheld}`);
    return 0;
  }

  if (sub === 'pull') {
    const r = await rep.pull().finally(() => rep.close());
    const data = store.data();
    const bytes = await encodeSyncFile(
      data,
      {
        app: { name: 'Attaché', version: await appVersion() },
        installation: MERGE_INSTALLATION,
        createdAt: new Date().toISOString(),
        scope: { kind: 'merge', sources: file ? [{ installation: file.header.installation, createdAt: file.header.createdAt }] : [] },
      },
      { passphrase: encrypted ? passphrase : undefined },
    );
    await writeFileAtomic(path, bytes);
    const total = SYNCED_TABLES.reduce((n, t) => n + data[t].length, 0);
    const notes = [r.heldBack ? `${r.heldBack} held back (dated beyond the allowed drift)` : '', r.unreadable ? `${r.unreadable} documents did not open with the team key and were not taken` : ''].filter(Boolean);
    console.log(`Pulled ${config.db} into ${path}: ${r.received} records received, ${total} records in the file, last sequence ${r.lastSeq || '0'}.${notes.length ? ` ${notes.join('; ')}.` : ''}`);
    return 0;
  }

  const transport = fetchTransport(config);
  const info = (await transport.request({ method: 'GET', path: '' })).body as { doc_count?: number; update_seq?: unknown };
  const lookup = await store.ceilingLookup([]);
  let local = 0;
  let above = 0;
  for (const t of SYNCED_TABLES) {
    for (const record of (maps[t] as Map<string, StoredRecord<SyncedTable>>).values()) {
      local++;
      if (!withinDatabaseCeiling(t, record, team.ceiling, lookup)) above++;
    }
  }
  const seq = info?.update_seq;
  console.log(
    JSON.stringify(
      {
        server: config.url,
        database: config.db,
        // The team document is not a record.
        documents: Math.max(0, (info?.doc_count ?? 1) - 1),
        lastSequence: typeof seq === 'string' || typeof seq === 'number' ? String(seq) : '',
        ceiling: team.ceiling,
        file: { path, records: local, staysLocalByCeiling: above },
      },
      null,
      2,
    ),
  );
  return 0;
}
