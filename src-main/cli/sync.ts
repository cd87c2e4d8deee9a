/**
 * `attache sync verify | inspect | merge`: the registry side of file sync. Pure core code over in-memory
 * records: the same decoding, validation and merge as an import in the app.
 */
import { nodeIdFromInstallationId } from '../../src-renderer/src/core/hlc';
import { SYNCED_TABLES, emptyWorkspaceData, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../src-renderer/src/core/model';
import { MERGE_INSTALLATION, decodeSyncFile, encodeSyncFile, readHeader, verifySyncFile, type DecodedSyncFile, type SyncHeader } from '../../src-renderer/src/core/sync/format';
import { SyncError, massDeleteProblem } from '../../src-renderer/src/core/sync/guards';
import { fromMaps, mergeIntoMaps, toMaps, type RecordMaps } from '../../src-renderer/src/core/sync/merge';
import { checkFile, repairInput } from './check';
import { appVersion, decodeInputs, fail, parse, readInput, readPassphrase, writeFileAtomic } from './args';

/** The node id the merge stamps far-future values it takes with (`--accept-future`). */
const MERGE_NODE = nodeIdFromInstallationId(MERGE_INSTALLATION.id);

export async function runSync(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'verify':
        return await verify(rest);
      case 'inspect':
        return await inspect(rest);
      case 'merge':
        return await merge(rest);
      case 'check':
        return await checkFile(rest);
      default:
        throw new SyncError('usage', sub ? `Unknown sync command "${sub}"; use verify, inspect, check or merge.` : 'Name a sync command: verify, inspect, check or merge.');
    }
  } catch (e) {
    return fail(e);
  }
}

function onePath(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new SyncError('usage', `sync ${command} takes exactly one file.`);
  return positionals[0]!;
}

/**
 * Decode fully when we can (plain file, or a passphrase given: decoding checks the digest itself);
 * otherwise check what is checkable without the passphrase. The file is hashed once either way.
 */
async function check(bytes: Uint8Array, passphrase: string | undefined): Promise<{ header: SyncHeader; encrypted: boolean; decoded?: DecodedSyncFile }> {
  if (readHeader(bytes).encrypted && !passphrase) {
    const info = await verifySyncFile(bytes);
    return { header: info.header, encrypted: true };
  }
  const decoded = await decodeSyncFile(bytes, { passphrase });
  return { header: decoded.header, encrypted: decoded.encrypted, decoded };
}

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'passphrase-file': { type: 'string' } });
  const path = onePath(positionals, 'verify');
  const passphrase = await readPassphrase(values['passphrase-file']);
  const { header, decoded } = await check(await readInput(path), passphrase);
  const records = SYNCED_TABLES.reduce((n, t) => n + header.counts[t], 0);
  const note = decoded ? '' : ' (encrypted: integrity checked, contents not read without --passphrase-file)';
  console.log(`OK: ${path} is intact, ${records} records from ${header.installation.name}${note}.`);
  return 0;
}

async function inspect(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { 'passphrase-file': { type: 'string' } });
  const path = onePath(positionals, 'inspect');
  const passphrase = await readPassphrase(values['passphrase-file']);
  const bytes = await readInput(path);
  // The header is readable even when the rest is damaged: show it with the integrity verdict.
  const { header, encrypted } = readHeader(bytes);
  let integrity = 'ok';
  let contents: 'validated' | 'not read (encrypted; give --passphrase-file)' | 'invalid' = 'validated';
  let live: Record<string, number> | undefined;
  let code = 0;
  try {
    const result = await check(bytes, passphrase);
    if (result.decoded) {
      live = Object.fromEntries(SYNCED_TABLES.map((t) => [t, result.decoded!.data[t].filter((r) => r.deleted === 0).length]));
    } else contents = 'not read (encrypted; give --passphrase-file)';
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    code = 1;
    if (e.code === 'invalid' || e.code === 'too-large' || e.code === 'wrong-passphrase') contents = 'invalid';
    integrity = `failed: ${e.message}`;
  }
  const summary = {
    file: path,
    bytes: bytes.length,
    format: header.format,
    formatVersion: header.version,
    app: header.app,
    installation: header.installation,
    createdAt: header.createdAt,
    scope: header.scope,
    encrypted,
    encryption: header.encryption ? { kdf: header.encryption.kdf, iterations: header.encryption.iterations, cipher: header.encryption.cipher } : undefined,
    counts: header.counts,
    liveCounts: live,
    total: SYNCED_TABLES.reduce((n, t) => n + header.counts[t], 0),
    maxClock: header.maxClock,
    integrity,
    contents,
  };
  console.log(JSON.stringify(summary, null, 2));
  return code;
}

async function merge(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'accept-future': { type: 'boolean' },
    'allow-mass-delete': { type: 'boolean' },
  });
  if (!values.out) throw new SyncError('usage', 'sync merge needs --out <file>.');
  if (positionals.length < 1) throw new SyncError('usage', 'sync merge needs at least one input file.');
  const passphrase = await readPassphrase(values['passphrase-file']);
  // Read and validate every input before merging anything: one bad input and nothing is written.
  const inputs = await decodeInputs(positionals, passphrase);
  const maps = toMaps(emptyWorkspaceData());
  const now = Date.now();
  let conflicts = 0;
  let heldBack = 0;
  for (const [k, input] of inputs.entries()) {
    // The import's invariant stage: the same repairs and refusals as in the app, before the merge.
    repairInput(positionals[k]!, input.data);
    // --accept-future takes far-future records' values as edits of the merge itself, stamped now: never their clocks.
    const report = mergeIntoMaps(maps, input.data, { now, ...(values['accept-future'] ? { restampAs: MERGE_NODE } : {}) });
    conflicts += report.newConflictEntries;
    heldBack += report.heldBack.length;
    if (report.heldBack.length) {
      console.error(
        `${positionals[k]}: ${report.heldBack.length} records stamped more than a day in the future were refused (use --accept-future to take their values as the merge's own edits, dated now).`,
      );
    }
  }
  const base = massDeleteInMerge(inputs[0]!.data, maps);
  if (base && !values['allow-mass-delete']) {
    throw new SyncError(
      'mass-delete',
      `The merge would delete ${base.deleting} of the ${base.live} live records of ${positionals[0]} (the first input); nothing was written. Add --allow-mass-delete to write it anyway.`,
    );
  }
  const data: WorkspaceData = fromMaps(maps);
  const bytes = await encodeSyncFile(
    data,
    {
      app: { name: 'Attaché', version: await appVersion() },
      installation: MERGE_INSTALLATION,
      createdAt: new Date(now).toISOString(),
      scope: { kind: 'merge', sources: inputs.map((i) => ({ installation: i.header.installation, createdAt: i.header.createdAt })) },
    },
    { passphrase },
  );
  await writeFileAtomic(values.out, bytes);
  const total = SYNCED_TABLES.reduce((n, t) => n + data[t].length, 0);
  console.log(`Merged ${inputs.length} files into ${values.out}: ${total} records, ${conflicts} conflict log entries added, ${heldBack} held back.`);
  return 0;
}

/**
 * The app's mass-delete rule (core/sync/guards.ts) applied to a merge: the first input is the base, and the
 * merge deletes what is live there and a tombstone in the result (the conflict log aside).
 */
function massDeleteInMerge(base: WorkspaceData, merged: RecordMaps): { deleting: number; live: number } | undefined {
  let live = 0;
  let deleting = 0;
  for (const t of SYNCED_TABLES) {
    if (t === 'conflicts') continue;
    const map = merged[t] as Map<string, StoredRecord<SyncedTable>>;
    for (const r of base[t] as StoredRecord<SyncedTable>[]) {
      if (r.deleted) continue;
      live++;
      if (map.get(r.id)?.deleted) deleting++;
    }
  }
  return massDeleteProblem(live, deleting);
}
