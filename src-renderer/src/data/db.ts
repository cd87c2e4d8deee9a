import Dexie, { type EntityTable } from 'dexie';
import type { Hlc } from '../core/hlc';
import type { Action, Briefing, Conflict, Organisation, PackDefinition, Person, Settings, Statement, SyncedTable, Template } from '../core/model';
import { newId } from '../core/ids';
import { addMissingFields } from '../core/upgrade';
import { briefingTotalsMiddleware, builtByThisRule, fillBriefingTotals, TOTALS_MARK, type StoredTotals, type TotalsDigestRow, type TotalsMark } from './briefing-totals';

/** What this installation remembers about a colleague it exchanges files with. Local only, never synced. */
export interface PeerState {
  /** The colleague's installation id. */
  id: string;
  name: string;
  /** Newest clock of ours that we have sent them (exports "since last time" start after it). */
  lastSentHlc: Hlc | '';
  lastSentAt: string;
  /** Newest clock of theirs that we have imported. */
  lastReceivedHlc: Hlc | '';
  lastReceivedAt: string;
  /**
   * Set while the colleague is known only by the name typed at an export: `id` is then a local stand-in, until
   * a file from an installation of that name arrives and takes its place (data/sync.ts).
   */
  standIn?: true;
}

/** Small local-only key/value facts: installation id and name, the clock, UI preferences. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** A half-written statement, saved as it is typed so that a crash loses at most the last second. Local only. */
export interface Draft {
  /** The briefing the draft belongs to. */
  id: string;
  speakerId: string | null;
  kind: string;
  text: string;
  tags: string[];
  updatedAt: number;
}

export const DB_NAME = 'attache';

/** The first schema, as it shipped: never edit it (installations still hold it); change a later version. */
export const SCHEMA_V1 = {
  briefings: 'id, hlc, [deleted+startsAt], *tags, classification',
  organisations: 'id, hlc, name, acronym',
  people: 'id, hlc, name, organisationId',
  statements: 'id, hlc, [briefingId+order], speakerId, *tags',
  actions: 'id, hlc, briefingId, statementId, [deleted+due], status, owner',
  settings: 'id, hlc',
  packs: 'id, hlc',
  conflicts: 'id, hlc, recordId, resolution',
  peers: 'id',
  meta: 'key',
  drafts: 'id',
} as const;

export class AttacheDb extends Dexie {
  briefings!: EntityTable<Briefing, 'id'>;
  organisations!: EntityTable<Organisation, 'id'>;
  people!: EntityTable<Person, 'id'>;
  statements!: EntityTable<Statement, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  settings!: EntityTable<Settings, 'id'>;
  packs!: EntityTable<PackDefinition, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  peers!: EntityTable<PeerState, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  drafts!: EntityTable<Draft, 'id'>;
  /** Per-briefing totals for the Pack dialog's counts, kept with every write (data/briefing-totals.ts). Local only, never synced. */
  briefingTotals!: EntityTable<StoredTotals, 'id'>;
  /** The totals folded into one value for fast reading (data/briefing-totals.ts). Local only, never synced. */
  totalsDigest!: EntityTable<TotalsDigestRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // Primary keys are app-made UUIDv7 strings (never ++id): ids must survive export and import.
    // Every synced table indexes `hlc` so that "changed since" is a key range.
    this.version(1).stores(SCHEMA_V1);
    // Version 2: `deleted` indexed wherever live records are counted (an import that deletes compares
    // with the live total, which was a scan of every record), and the unused [deleted+due] dropped.
    // Only indexes change: IndexedDB builds them over the stored records when the app first opens.
    this.version(2).stores({
      organisations: 'id, hlc, name, acronym, deleted',
      people: 'id, hlc, name, organisationId, deleted',
      statements: 'id, hlc, [briefingId+order], speakerId, *tags, deleted',
      actions: 'id, hlc, briefingId, statementId, status, owner, deleted',
      settings: 'id, hlc, deleted',
      packs: 'id, hlc, deleted',
    });
    // Version 3 (sync format 2): the record officers keep. Records stored by version 2 take the new fields'
    // defaults at the lowest clock (core/upgrade.ts), exactly as an older file's records do on import, so
    // an upgraded installation and a colleague's new one agree on every field. Statements gain no field
    // (only the `decision` kind), so the upgrade touches briefings, the directory and follow-ups only.
    this.version(3)
      .stores({
        organisations: 'id, hlc, name, acronym, deleted, parentId',
        actions: 'id, hlc, briefingId, statementId, status, owner, deleted, heldInBriefingId',
        templates: 'id, hlc, deleted',
      })
      .upgrade(async (tx) => {
        for (const table of ['briefings', 'organisations', 'people', 'actions'] satisfies SyncedTable[]) {
          await tx
            .table(table)
            .toCollection()
            .modify((record: Record<string, unknown> & { stamps: Record<string, unknown> }) => {
              addMissingFields(table, record, record.stamps);
            });
        }
      });
    // Version 4: follow-ups by due date, so the Today screen reads the week's events as key ranges (a day
    // in the week, or the month or year that covers it) instead of every follow-up.
    this.version(4).stores({
      actions: 'id, hlc, briefingId, statementId, status, owner, deleted, heldInBriefingId, due',
    });
    // Version 5: briefings by organiser, so the list's organisation filter reads the few that match.
    this.version(5).stores({
      briefings: 'id, hlc, [deleted+startsAt], *tags, classification, *organiserIds',
    });
    // Version 6 (issue 14): the settings record gains the letterhead's fields (core/letterhead.ts) at their
    // defaults and the lowest clock, as an older file's settings do on import, so any real edit wins.
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('settings')
          .toCollection()
          .modify((record: Record<string, unknown> & { stamps: Record<string, unknown> }) => {
            addMissingFields('settings', record, record.stamps);
          });
      });
    // Version 7 (issue 16): per-briefing totals, so the Pack dialog's counts for any selection are sums over
    // the selected briefings' rows rather than reads of every statement and follow-up. Filled here from the
    // tables; from then on the middleware keeps them in the same transaction as every write.
    this.version(7)
      .stores({ briefingTotals: 'id' })
      .upgrade((tx) => fillBriefingTotals((name) => tx.table(name)));
    // Version 8 (issue 16): the totals also folded into one stored digest, and each row numbered by the write
    // that last changed it (`seq`, indexed), so the Pack dialog reads one value and the few rows written since
    // rather than a row per briefing (data/briefing-totals.ts). No digest yet: the first reader reads the rows
    // and folds one. The mark gains the stamp a digest is checked against.
    this.version(8)
      .stores({ briefingTotals: 'id, seq', totalsDigest: 'key' })
      .upgrade(async (tx) => {
        const mark = (await tx.table('meta').get(TOTALS_MARK)) as MetaEntry | undefined;
        if (builtByThisRule(mark)) await tx.table('meta').put({ ...mark, value: { ...(mark!.value as TotalsMark), stamp: newId() } });
      });
    // A database created at this version runs no upgrade: its (empty) totals are marked as built by the rule.
    this.on('populate', (tx) => fillBriefingTotals((name) => tx.table(name)));
    this.use(briefingTotalsMiddleware);
  }
}

let shared: AttacheDb | undefined;

/** The app's database. Tests and benchmarks make their own with `new AttacheDb(name)`. */
export function getDb(): AttacheDb {
  shared ??= new AttacheDb();
  return shared;
}
