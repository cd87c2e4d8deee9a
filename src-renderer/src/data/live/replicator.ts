/**
 * The live sync replicator: records travel through a CouchDB database with the same merge, invariants, clock
 * bounds and conflict log as files (docs/live-sync.md). It speaks CouchDB's replication protocol through a
 * LiveTransport and keeps records through a LiveStore — the workspace (dexie-store.ts) in the app, a sync
 * file's records in the command line — so one engine runs in the app, the CLI and the tests.
 *
 * Pull: `_changes` from the stored checkpoint (`since`), in batches; each batch is opened, validated, its
 * CouchDB conflicts folded through mergeRecord, and handed to the store, which applies it through the import's
 * stages; only then does the checkpoint move. A drop at any point repeats at most one batch, and merging a
 * record twice changes nothing the second time.
 *
 * Push: the records whose clock is newer than the push mark, in batches: the server's current version of each
 * is read and merged with ours (so what we write has seen it: a child revision, not an overwrite), revisions are
 * content-addressed, `_revs_diff` drops what the server already has (a batch resent after a drop), and
 * `_bulk_docs` (`new_edits: false`) writes the rest. The mark moves only once a whole pass is on the server.
 */
import { emptyWorkspaceData, type Conflict, type StoredRecord, type SyncedTable, type WorkspaceData } from '../../core/model';
import { SyncError } from '../../core/sync/guards';
import { mergeRecord, conflictEntry } from '../../core/sync/merge';
import { withinDatabaseCeiling } from '../../core/live/ceiling';
import { closeBranchDoc, isRecordDocId, openRecordDoc, recordDoc, recordOfPayload, type OpenedRecord, type RecordDoc } from '../../core/live/document';
import type { BodyOpener } from '../../core/live/opener';
import { TEAM_DOC_ID, newTeamDoc, openTeam, type TeamKey } from '../../core/live/envelope';
import { resolveLeaves } from '../../core/live/resolve';
import { OFF, type LiveStatus } from '../../core/live/status';
import { LiveOffline, LiveRefused, refusalFor, type LiveTransport } from '../../core/live/transport';
import { windowText } from '../../core/errors';
import type { LiveStore, Row } from '../../core/live/store';
import { defaultOpener } from './opener';

export { NO_CHECKPOINT, type ApplyOutcome, type LiveCheckpoint, type LiveStore, type Row } from '../../core/live/store';

export interface ReplicatorOptions {
  transport: LiveTransport;
  store: LiveStore;
  passphrase: string;
  /** The ceiling (a level id) written into a new database's team document; an existing database's own wins. */
  ceilingForNewDatabase?: string | null;
  /** Create the database and its team document when missing (Settings' "create", the CLI's push). */
  create?: boolean;
  /** Records per pull batch and per push batch. */
  pullBatch?: number;
  pushBatch?: number;
  onStatus?: (s: LiveStatus) => void;
  now?: () => number;
  /** What opens pulled bodies (default: a worker where the platform has one, data/live/opener.ts). */
  opener?: BodyOpener;
}

export interface PullResult {
  received: number;
  changed: number;
  heldBack: number;
  conflictsResolved: number;
  unreadable: number;
  lastSeq: string;
}

export interface PushResult {
  sent: number;
  alreadyThere: number;
  withheld: number;
  /** Of those, records the server held from before (pushed while within the ceiling): their documents deleted. */
  withdrawn: number;
}

/** Held-back ids remembered for another try (beyond this, the oldest are dropped: a file brings them again). */
const MAX_HELD = 5000;

type ChangesRow = { id: string; seq: unknown; deleted?: boolean; doc?: Record<string, unknown> & { _conflicts?: string[] } };
/** A batch opened and ready to apply: its records as one import, and what settles its folded conflicts on the server. */
type OpenedBatch = { data: WorkspaceData; total: number; settle: RecordDoc[]; entries: Conflict[]; unreadable: number };
/** A batch of the changes feed, read (and being opened) ahead of the one being applied. */
type AheadBatch = { rows: ChangesRow[]; lastSeq: string; opened: Promise<OpenedBatch> | undefined };

export class LiveReplicator {
  private team: TeamKey | undefined;
  private teamDocSeen = '';
  private status: LiveStatus = { ...OFF };
  readonly pullBatch: number;
  readonly pushBatch: number;
  private readonly opener: BodyOpener;

  constructor(private readonly o: ReplicatorOptions) {
    this.pullBatch = o.pullBatch ?? 2000;
    this.pushBatch = o.pushBatch ?? 250;
    this.opener = o.opener ?? defaultOpener();
  }

  /** Let go of the opener's worker (it starts again if this replicator pulls again). */
  close(): void {
    this.opener.close();
  }

  get ceiling(): string | null {
    return this.team?.ceiling ?? null;
  }

  private setStatus(patch: Partial<LiveStatus>): void {
    this.status = { ...this.status, ...patch };
    this.o.onStatus?.(this.status);
  }

  currentStatus(): LiveStatus {
    return this.status;
  }

  private async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, signal?: AbortSignal, timeoutMs?: number): Promise<unknown> {
    const res = await this.o.transport.request({ method, path, body, timeoutMs }, signal);
    if (res.status >= 200 && res.status < 300) return res.body;
    const refusal = refusalFor(res.status, res.body);
    if (refusal) throw new LiveRefused(refusal);
    throw new LiveOffline(windowText('settings.live.serverProblem', { status: String(res.status) }));
  }

  /**
   * Check the database and the team passphrase before anything moves; create both when asked and missing.
   * A wrong passphrase rejects with a SyncError ('wrong-passphrase') and nothing is sent or received.
   */
  async connect(signal?: AbortSignal): Promise<TeamKey> {
    this.setStatus({ state: 'connecting' });
    let res = await this.o.transport.request({ method: 'GET', path: '' }, signal);
    if (res.status === 404 && this.o.create) {
      res = await this.o.transport.request({ method: 'PUT', path: '' }, signal);
      // 412: someone created it meanwhile.
      if (res.status !== 412 && (res.status < 200 || res.status >= 300)) throw new LiveRefused(refusalFor(res.status, res.body) ?? windowText('error.live.notCreated', { status: String(res.status) }));
    } else if (res.status < 200 || res.status >= 300) {
      throw new LiveRefused(refusalFor(res.status, res.body) ?? windowText('settings.live.serverProblem', { status: String(res.status) }));
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const got = await this.o.transport.request({ method: 'GET', path: TEAM_DOC_ID }, signal);
      if (got.status === 200) {
        // The key derivation costs a quarter of a second: reconnecting to the same team document reuses it.
        const seen = JSON.stringify(got.body);
        if (this.team && seen === this.teamDocSeen) return this.team;
        this.team = await openTeam(got.body, this.o.passphrase);
        this.teamDocSeen = seen;
        this.setStatus({ ceiling: this.team.ceiling });
        return this.team;
      }
      if (got.status !== 404) throw new LiveRefused(refusalFor(got.status, got.body) ?? windowText('settings.live.serverProblem', { status: String(got.status) }));
      if (!this.o.create) throw new LiveRefused(windowText('error.live.noTeamDoc'));
      const { doc, team } = await newTeamDoc(this.o.passphrase, this.o.ceilingForNewDatabase ?? null);
      const put = await this.o.transport.request({ method: 'PUT', path: TEAM_DOC_ID, body: doc }, signal);
      if (put.status >= 200 && put.status < 300) {
        this.team = team;
        this.setStatus({ ceiling: team.ceiling });
        return team;
      }
      // 409: another client wrote the team document first; read theirs (and prove the passphrase against it).
      if (put.status !== 409) throw new LiveRefused(refusalFor(put.status, put.body) ?? windowText('error.live.teamDocNotWritten', { status: String(put.status) }));
    }
    throw new LiveOffline(windowText('error.live.teamDocChanging'));
  }

  private requireTeam(): TeamKey {
    if (!this.team) throw new Error('connect() first');
    return this.team;
  }

  // ------------------------------------------------------------------ pull

  /**
   * Apply the server's changes since the checkpoint, batch by batch, until caught up (one pass), or — with
   * `longPollMs` — wait up to that long for the first change when there is none.
   */
  async pull(options: { signal?: AbortSignal; longPollMs?: number } = {}): Promise<PullResult> {
    const team = this.requireTeam();
    const { store } = this.o;
    const result: PullResult = { received: 0, changed: 0, heldBack: 0, conflictsResolved: 0, unreadable: 0, lastSeq: '' };
    if ((await store.loadCheckpoint()).heldBack?.length) await this.retryHeldBack(team, result, options.signal);
    let checkpoint = await store.loadCheckpoint();
    result.lastSeq = checkpoint.since;
    let wait = options.longPollMs;
    const changes = (since: string, longPoll: number | undefined) => {
      const q = new URLSearchParams({ include_docs: 'true', conflicts: 'true', style: 'all_docs', limit: String(this.pullBatch) });
      if (since) q.set('since', since);
      if (longPoll) {
        q.set('feed', 'longpoll');
        q.set('timeout', String(longPoll));
        q.set('heartbeat', '10000');
      }
      return this.call('GET', `_changes?${q.toString()}`, undefined, options.signal, (longPoll ?? 0) + 30_000) as Promise<{ results?: ChangesRow[]; last_seq?: unknown }>;
    };
    // A catching-up pull is a pipeline one batch deep: while batch n is applied, batch n+1 is read and opened
    // (unsealed, validated, conflicts folded) — only read and opened, never applied or checkpointed before n.
    const fetchAndOpen = async (since: string, longPoll: number | undefined): Promise<AheadBatch> => {
      const body = await changes(since, longPoll);
      const rows = Array.isArray(body?.results) ? body.results : [];
      // CouchDB 2+ sends an opaque string, PouchDB a number; either is kept as text and sent back as it came.
      const seq = body?.last_seq;
      const lastSeq = typeof seq === 'string' || typeof seq === 'number' ? String(seq) : since;
      const opened = rows.length ? this.openBatch(team, rows, options.signal) : undefined;
      // If an earlier batch fails, this one is dropped unread: its rejection is not "unhandled".
      opened?.catch(() => undefined);
      return { rows, lastSeq, opened };
    };
    let ahead: Promise<AheadBatch> | undefined;
    for (;;) {
      const { rows, lastSeq, opened } = await (ahead ?? fetchAndOpen(checkpoint.since, wait));
      ahead = undefined;
      wait = undefined;
      if (!rows.length || !opened) {
        if (lastSeq !== checkpoint.since) {
          checkpoint = { ...checkpoint, since: lastSeq };
          await store.saveCheckpoint(checkpoint);
        }
        result.lastSeq = checkpoint.since;
        return result;
      }
      if (rows.length >= this.pullBatch) {
        ahead = fetchAndOpen(lastSeq, undefined);
        ahead.catch(() => undefined);
      }
      this.setStatus({ state: 'syncing', pending: rows.length });
      const held = await this.applyBatch(team, await opened, result, options.signal);
      const current = await store.loadCheckpoint();
      checkpoint = { ...current, since: lastSeq, ...(held.length ? { heldBack: [...new Set([...(current.heldBack ?? []), ...held])].slice(-MAX_HELD) } : {}) };
      await store.saveCheckpoint(checkpoint);
      result.lastSeq = lastSeq;
      if (this.status.unreadable !== result.unreadable && result.unreadable) this.setStatus({ unreadable: result.unreadable });
      if (rows.length < this.pullBatch) return result;
    }
  }

  /** The records held back earlier, asked for again: applied now if the clock rules let them in, kept listed if not. */
  private async retryHeldBack(team: TeamKey, result: PullResult, signal?: AbortSignal): Promise<void> {
    const { store } = this.o;
    const ids = (await store.loadCheckpoint()).heldBack ?? [];
    const body = (await this.call('POST', '_all_docs?include_docs=true&conflicts=true', { keys: ids }, signal)) as { rows?: { id?: string; doc?: Record<string, unknown> & { _conflicts?: string[] } }[] };
    const rows: ChangesRow[] = (body?.rows ?? []).filter((r) => r?.doc && typeof r.id === 'string').map((r) => ({ id: r.id!, seq: null, doc: r.doc! }));
    const still = await this.applyBatch(team, await this.openBatch(team, rows, signal), result, signal);
    await store.saveCheckpoint({ ...(await store.loadCheckpoint()), heldBack: still });
  }

  /**
   * One batch of the server's documents, taken once opened (openBatch): applied through the store's import stages,
   * counted into `result`, and the conflicts it folded settled on the server. Returns the ids the import held
   * back. The merged record goes on the server only once it is applied here (a drop before that repeats the
   * batch), and so do the conflict log entries the fold made: a client that never sees this conflict needs them.
   * Settling again what is already settled writes nothing (content-addressed revisions, `_revs_diff`).
   */
  private async applyBatch(team: TeamKey, batch: OpenedBatch, result: PullResult, signal?: AbortSignal): Promise<string[]> {
    result.unreadable += batch.unreadable;
    result.conflictsResolved += batch.settle.length ? 1 : 0;
    let held: string[] = [];
    if (batch.total) {
      const outcome = await this.o.store.apply(batch.data);
      result.changed += outcome.changed;
      result.heldBack += outcome.heldBack;
      held = outcome.heldBackIds;
    }
    result.received += batch.total;
    if (batch.entries.length) batch.settle.push(...(await this.mergeWithServer(team, batch.entries.map((record) => ({ table: 'conflicts' as const, record })), signal, 1)));
    if (batch.settle.length) await this.writeDocs(batch.settle, signal);
    return held;
  }

  /** Open a batch of changes: sealed bodies to validated records, conflicts folded, as one import. */
  private async openBatch(team: TeamKey, rows: readonly ChangesRow[], signal?: AbortSignal): Promise<OpenedBatch> {
    const data = emptyWorkspaceData();
    const seen = new Map<string, SyncedTable>();
    const entries = new Map<string, Conflict>();
    const settle: RecordDoc[] = [];
    let unreadable = 0;
    const take = (table: SyncedTable, record: StoredRecord<SyncedTable>) => {
      if (seen.has(record.id)) return;
      seen.set(record.id, table);
      (data[table] as StoredRecord<SyncedTable>[]).push(record);
    };
    // Plain documents are opened together by the opener (a worker where there is one) and validated here, on
    // the path that stores; conflicted ones need their leaves fetched and folded, one by one.
    const plain = rows.filter((row) => row && typeof row.id === 'string' && isRecordDocId(row.id) && row.doc && !row.doc._deleted && !(Array.isArray(row.doc._conflicts) && row.doc._conflicts.length));
    const bodies = await this.opener.open(
      team.key,
      plain.map(({ doc }) => ({ id: typeof doc!._id === 'string' ? doc!._id : '', iv: doc!.iv, ct: doc!.ct })),
    );
    bodies.forEach((body, i) => {
      // A document that does not open or validate is never stored; the rest of the batch goes on.
      if (!body.ok) {
        if (body.code !== 'wrong-passphrase' && body.code !== 'invalid') throw SyncError.of(body.code, body.key);
        unreadable++;
        return;
      }
      const doc = plain[i]!.doc!;
      try {
        const o = recordOfPayload(typeof doc._id === 'string' ? doc._id : '', typeof doc._rev === 'string' ? doc._rev : '', body.payload);
        take(o.table, o.record);
      } catch (e) {
        if (e instanceof SyncError && e.code === 'invalid') unreadable++;
        else throw e;
      }
    });
    for (const row of rows) {
      if (!row || typeof row.id !== 'string' || !isRecordDocId(row.id) || !row.doc || row.doc._deleted) continue;
      if (!(Array.isArray(row.doc._conflicts) && row.doc._conflicts.length)) continue;
      try {
        const leaves = await this.leaves(team, row.id, signal);
        if (!leaves.length) continue;
        const r = resolveLeaves(leaves);
        take(r.table, r.merged);
        for (const e of r.entries) entries.set(e.id, e);
        const winnerDoc = await recordDoc(team, r.table, r.merged, r.winnerRev);
        if (winnerDoc) settle.push(winnerDoc);
        for (const loser of r.loserRevs) {
          const close = closeBranchDoc(row.id, loser);
          if (close) settle.push(close);
        }
      } catch (e) {
        if (e instanceof SyncError && (e.code === 'wrong-passphrase' || e.code === 'invalid')) {
          unreadable++;
          continue;
        }
        throw e;
      }
    }
    // Entries of the conflict log born from folding leaves, unless the server sent the same entry itself.
    for (const [id, e] of entries) if (!seen.has(id)) take('conflicts', e);
    return { data, total: seen.size, settle, entries: [...entries.values()], unreadable };
  }

  /** Every live leaf of a conflicted document, opened. */
  private async leaves(team: TeamKey, id: string, signal?: AbortSignal): Promise<OpenedRecord[]> {
    const body = (await this.call('GET', `${encodeURIComponent(id)}?open_revs=all`, undefined, signal)) as { ok?: Record<string, unknown> }[];
    const out: OpenedRecord[] = [];
    for (const item of Array.isArray(body) ? body : []) {
      const doc = item?.ok;
      if (!doc || doc._deleted) continue;
      out.push(await openRecordDoc(team, doc));
    }
    return out;
  }

  private async writeDocs(docs: RecordDoc[], signal?: AbortSignal): Promise<number> {
    if (!docs.length) return 0;
    // What the server already holds (a batch resent after a dropped link) is not sent again.
    const ask: Record<string, string[]> = {};
    for (const d of docs) (ask[d._id] ??= []).push(d._rev);
    const diff = (await this.call('POST', '_revs_diff', ask, signal)) as Record<string, { missing?: string[] }>;
    const missing = docs.filter((d) => diff?.[d._id]?.missing?.includes(d._rev));
    if (!missing.length) return 0;
    const res = (await this.call('POST', '_bulk_docs', { docs: missing, new_edits: false }, signal)) as { error?: string; reason?: string }[];
    const failed = Array.isArray(res) ? res.find((r) => r && r.error) : undefined;
    if (failed) throw new LiveOffline(windowText('error.live.notStored', { detail: `${failed.error ?? ''}${failed.reason ? `: ${failed.reason}` : ''}` }));
    return missing.length;
  }

  // ------------------------------------------------------------------ push

  /** Send every record changed since the push mark (within the ceiling), then move the mark. */
  async push(options: { signal?: AbortSignal } = {}): Promise<PushResult> {
    const team = this.requireTeam();
    const { store } = this.o;
    const start = await store.loadCheckpoint();
    // Records stamped after this moment are left for the next pass (the mark must not pass them unsent).
    const upTo = await store.newestClock();
    const result: PushResult = { sent: 0, alreadyThere: 0, withheld: 0, withdrawn: 0 };
    if (!upTo || upTo <= start.pushedUpTo) {
      return result;
    }
    for await (const rows of store.changedSince(start.pushedUpTo, this.pushBatch)) {
      const lookup = team.ceiling === null ? undefined : await store.ceilingLookup(rows);
      const allowed = lookup ? rows.filter((r) => withinDatabaseCeiling(r.table, r.record, team.ceiling, lookup)) : rows;
      result.withheld += rows.length - allowed.length;
      if (allowed.length < rows.length) result.withdrawn += await this.withdraw(rows.filter((r) => !allowed.includes(r)), options.signal);
      if (!allowed.length) continue;
      this.setStatus({ state: 'syncing', pending: allowed.length });
      const docs = await this.mergeWithServer(team, allowed, options.signal);
      const sent = await this.writeDocs(docs, options.signal);
      result.sent += sent;
      result.alreadyThere += allowed.length - sent;
    }
    // An import during this pass may have lowered the mark (records it brought with older clocks): keep that.
    const current = await store.loadCheckpoint();
    const pushedUpTo = current.pushedUpTo !== start.pushedUpTo && current.pushedUpTo < upTo ? current.pushedUpTo : upTo;
    await store.saveCheckpoint({ ...current, pushedUpTo });
    if (this.status.withheld !== result.withheld) this.setStatus({ withheld: result.withheld });
    return result;
  }

  /**
   * Records now above the ceiling that the server still holds (pushed before their level was raised, e.g. a
   * new briefing saved before its classification was chosen): each leaf gets a deletion child, so the
   * database stops serving the content. Colleagues keep the copy they already pulled; CouchDB keeps the old
   * body until the database is compacted (docs/live-sync.md).
   */
  private async withdraw(rows: readonly Row[], signal?: AbortSignal): Promise<number> {
    const body = (await this.call('POST', '_all_docs?include_docs=true&conflicts=true', { keys: rows.map((r) => r.record.id) }, signal)) as {
      rows?: { key: string; value?: { rev: string; deleted?: boolean }; doc?: { _conflicts?: string[] } | null }[];
    };
    const docs: RecordDoc[] = [];
    let withdrawn = 0;
    for (const r of body?.rows ?? []) {
      if (!r?.value || r.value.deleted || typeof r.value.rev !== 'string') continue;
      withdrawn++;
      for (const rev of [r.value.rev, ...(r.doc?._conflicts ?? [])]) {
        const close = closeBranchDoc(r.key, rev);
        if (close) docs.push(close);
      }
    }
    await this.writeDocs(docs, signal);
    return withdrawn;
  }

  /**
   * The documents to write for these local records: each merged with the server's current version so the new
   * revision is a child that has seen it. Losses of that merge become conflict log entries, sent too.
   */
  private async mergeWithServer(team: TeamKey, rows: readonly Row[], signal?: AbortSignal, depth = 0): Promise<RecordDoc[]> {
    const body = (await this.call('POST', '_all_docs?include_docs=true&conflicts=true', { keys: rows.map((r) => r.record.id) }, signal)) as {
      rows?: { key: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null; error?: string }[];
    };
    const server = new Map<string, { rev: string; doc: Record<string, unknown> | null | undefined; deleted: boolean }>();
    for (const r of body?.rows ?? []) if (r && r.value && typeof r.value.rev === 'string') server.set(r.key, { rev: r.value.rev, doc: r.doc, deleted: !!r.value.deleted });
    const docs: RecordDoc[] = [];
    const entries: Conflict[] = [];
    for (const { table, record } of rows) {
      const there = server.get(record.id);
      if (!there || there.deleted || !there.doc) {
        const d = await recordDoc(team, table, record, there?.rev);
        if (d) docs.push(d);
        continue;
      }
      let theirs: OpenedRecord;
      try {
        theirs = await openRecordDoc(team, there.doc);
      } catch (e) {
        // Not ours to merge with (sealed with another key, or damaged): write ours as a sibling; the pull's
        // resolution sees only the leaves it can open.
        if (e instanceof SyncError) {
          const d = await recordDoc(team, table, record);
          if (d) docs.push(d);
          continue;
        }
        throw e;
      }
      if (theirs.table !== table) continue;
      const m = mergeRecord(table, theirs.record, record);
      for (const c of m.conflicts) entries.push(conflictEntry(c));
      if (!m.result) continue;
      const d = await recordDoc(team, table, m.result, there.rev);
      if (d) docs.push(d);
    }
    // The entries themselves merge with the server's copies (once: an entry about an entry goes as it is).
    if (entries.length && depth === 0) {
      const fresh = await this.mergeWithServer(team, dedupe(entries).map((e) => ({ table: 'conflicts' as const, record: e })), signal, 1);
      docs.push(...fresh);
    } else if (entries.length) {
      for (const e of dedupe(entries)) {
        const d = await recordDoc(team, 'conflicts', e);
        if (d) docs.push(d);
      }
    }
    return docs;
  }

  /** Pull then push, once: what the command line and the tests call "sync". */
  async syncOnce(signal?: AbortSignal): Promise<{ pull: PullResult; push: PushResult }> {
    const pull = await this.pull({ signal });
    const push = await this.push({ signal });
    const lastSyncedAt = new Date((this.o.now ?? Date.now)()).toISOString();
    await this.o.store.saveCheckpoint({ ...(await this.o.store.loadCheckpoint()), lastSyncedAt });
    this.setStatus({ state: 'connected', pending: 0, lastSyncedAt, reason: '' });
    return { pull, push };
  }
}

function dedupe(entries: Conflict[]): Conflict[] {
  const m = new Map<string, Conflict>();
  for (const e of entries) m.set(e.id, e);
  return [...m.values()];
}

