/**
 * The workspace invariants: every rule the editors enforce beyond a single field's schema, stated once and
 * used by the import (data/sync.ts), the command line (`sync merge`, `sync check`), Settings → "Check this
 * workspace" and the property tests. Pure: no Dexie, no Svelte, no DOM.
 *
 * Three kinds of finding:
 * - 'fatal': the record would break a screen or an editor (a tag twice in a keyed list, an order key the
 *   fractional index cannot place). An import repairs it (`repairRecord`) or, if no repair helps, refuses it.
 * - 'dangling': a reference that points at nothing here (a follow-up whose briefing is absent). Not fatal:
 *   the screens show such a record marked as such, and the missing record may still arrive in a later file.
 * - 'notice': a state the screens resolve the same way on every installation when reading (two statements
 *   with one order key are ordered by id; a default level that is no longer a level gives way to the first).
 *
 * Repairs commute with the merge, so replicas still converge: a repair is a pure function of one field's
 * value (and the record's immutable id), and leaves the field's clock alone. Every installation repairs
 * every incoming record before merging it, so the same stamp always carries the same repaired value.
 * Rules that span fields or records (the default level, order keys shared by two statements) are not
 * repaired in storage, because two fields merged from different files could break them again: they are
 * resolved at read time by one deterministic rule (effectiveSettings, compareStatements).
 */
import { generateKeyBetween } from 'fractional-indexing';
import type { Attendee, ClassificationLevel, StoredRecord, SyncedTable, WorkspaceData } from '../model';
import { SETTINGS_ID, SYNCED_TABLES } from '../model';
import { foldName } from '../text';
import { translate, type Locale, type MessageKey, type MessageValues } from '../i18n';
import { sha256Sync } from './digest';
import { levelNameKey } from '../classification';
import { firstOccurrences } from '../first-occurrences';
import { recordLabel } from './labels';

export type InvariantRule =
  /** A briefing names one organiser twice. */
  | 'unique-organisers'
  /** A record carries one tag twice, compared as search compares tags (case, accents and spacing ignored). */
  | 'unique-tags'
  /** Two classification levels share an id. */
  | 'unique-level-ids'
  /** Two classification levels share a name (case and outer spaces ignored, as the Settings editor compares them). */
  | 'unique-level-names'
  /** A statement's order key is not a position the fractional index can place statements around. */
  | 'valid-order-key'
  /** Two live statements of one briefing share an order key (read as: ordered by id). */
  | 'unique-order-key'
  /** The default classification is not one of the levels (read as: the first level). */
  | 'default-level-exists'
  | 'statement-briefing-exists'
  | 'statement-speaker-exists'
  | 'action-briefing-exists'
  | 'action-statement-exists'
  | 'person-organisation-exists'
  | 'briefing-organisers-exist'
  /** A briefing lists one person present twice. */
  | 'unique-attendees'
  /** A briefing lists one group of attendees twice (compared as tags are). */
  | 'unique-attendee-groups'
  /** A person lists one other spelling twice, or their own name (compared as search compares names). */
  | 'unique-aliases'
  /** An event is marked held in the very briefing that announced it. */
  | 'event-held-elsewhere'
  | 'attendees-exist'
  | 'organisation-parent-exists'
  | 'merged-into-exists'
  | 'held-in-briefing-exists'
  /** Organisations that sit under each other in a ring (read as: the ring is cut at its smallest id). */
  | 'no-parent-cycle'
  /** Records merged into each other in a ring (read as: the smallest id of the ring is the one kept). */
  | 'no-merge-cycle';

export type FindingSeverity = 'fatal' | 'dangling' | 'notice';

/** What became of the finding: repaired in the record, the record refused, or only reported. */
export type FindingOutcome = 'repaired' | 'refused' | 'reported';

export interface Finding {
  table: SyncedTable;
  recordId: string;
  rule: InvariantRule;
  severity: FindingSeverity;
  outcome: FindingOutcome;
  /** One plain sentence naming the record, in English (the CLI, logs): `The briefing “Drugs” lists the tag “drugs” more than once.` */
  message: string;
  /**
   * The same sentence as a message key and its values (the table, the outcome, the record's label, a count),
   * whole sentences per rule, so `findingText(locale, finding)` says it in the window's language.
   */
  key: MessageKey;
  values: MessageValues;
  /** The entries the sentence names (repeated tags, a bad order key), each quoted in the reader's language. */
  entries?: string[];
}

/** Each rule's sentence (messages/<locale>/settings.json), with the outcome and the record noun inside it. */
const FINDING_KEY: Readonly<Record<InvariantRule, MessageKey>> = {
  'unique-organisers': 'settings.finding.uniqueOrganisers',
  'unique-tags': 'settings.finding.uniqueTags',
  'unique-level-ids': 'settings.finding.uniqueLevelIds',
  'unique-level-names': 'settings.finding.uniqueLevelNames',
  'valid-order-key': 'settings.finding.validOrderKey',
  'unique-order-key': 'settings.finding.uniqueOrderKey',
  'default-level-exists': 'settings.finding.defaultLevelExists',
  'statement-briefing-exists': 'settings.finding.statementBriefingExists',
  'statement-speaker-exists': 'settings.finding.statementSpeakerExists',
  'action-briefing-exists': 'settings.finding.actionBriefingExists',
  'action-statement-exists': 'settings.finding.actionStatementExists',
  'person-organisation-exists': 'settings.finding.personOrganisationExists',
  'briefing-organisers-exist': 'settings.finding.briefingOrganisersExist',
  'unique-attendees': 'settings.finding.uniqueAttendees',
  'unique-attendee-groups': 'settings.finding.uniqueAttendeeGroups',
  'unique-aliases': 'settings.finding.uniqueAliases',
  'event-held-elsewhere': 'settings.finding.eventHeldElsewhere',
  'attendees-exist': 'settings.finding.attendeesExist',
  'organisation-parent-exists': 'settings.finding.organisationParentExists',
  'merged-into-exists': 'settings.finding.mergedIntoExists',
  'held-in-briefing-exists': 'settings.finding.heldInBriefingExists',
  'no-parent-cycle': 'settings.finding.noParentCycle',
  'no-merge-cycle': 'settings.finding.noMergeCycle',
};

/**
 * A finding's sentence in one language: the record named by its label (quoted the language's way) or, when
 * it has none, its id; the entries quoted and listed.
 */
export function findingText(locale: Locale, f: Pick<Finding, 'recordId' | 'key' | 'values' | 'entries'>): string {
  const label = typeof f.values.label === 'string' ? f.values.label : '';
  const quote = (text: string) => translate(locale, 'doc.quote', { text });
  return translate(locale, f.key, { ...f.values, record: label ? quote(label) : f.recordId, list: (f.entries ?? []).map(quote).join(', ') });
}

/** Every rule, its severity and whether `repairRecord` repairs it: the table docs/sync-format.md states. */
export const RULES: Readonly<Record<InvariantRule, { severity: FindingSeverity; repairable: boolean }>> = {
  'unique-organisers': { severity: 'fatal', repairable: true },
  'unique-tags': { severity: 'fatal', repairable: true },
  'unique-level-ids': { severity: 'fatal', repairable: true },
  'unique-level-names': { severity: 'fatal', repairable: true },
  'valid-order-key': { severity: 'fatal', repairable: true },
  'unique-order-key': { severity: 'notice', repairable: false },
  'default-level-exists': { severity: 'notice', repairable: false },
  'statement-briefing-exists': { severity: 'dangling', repairable: false },
  'statement-speaker-exists': { severity: 'dangling', repairable: false },
  'action-briefing-exists': { severity: 'dangling', repairable: false },
  'action-statement-exists': { severity: 'dangling', repairable: false },
  'person-organisation-exists': { severity: 'dangling', repairable: false },
  'briefing-organisers-exist': { severity: 'dangling', repairable: false },
  'unique-attendees': { severity: 'fatal', repairable: true },
  'unique-attendee-groups': { severity: 'fatal', repairable: true },
  'unique-aliases': { severity: 'fatal', repairable: true },
  'event-held-elsewhere': { severity: 'fatal', repairable: true },
  'attendees-exist': { severity: 'dangling', repairable: false },
  'organisation-parent-exists': { severity: 'dangling', repairable: false },
  'merged-into-exists': { severity: 'dangling', repairable: false },
  'held-in-briefing-exists': { severity: 'dangling', repairable: false },
  'no-parent-cycle': { severity: 'notice', repairable: false },
  'no-merge-cycle': { severity: 'notice', repairable: false },
};

// ---------------------------------------------------------------- the keys things are compared by

/** Tags are one tag when search takes them for one (core/text foldName). */
export const tagKey = (tag: string): string => foldName(tag);


const BASE_62 = /^[0-9A-Za-z]+$/;
const SMALLEST_KEY = `A${'0'.repeat(26)}`;

/**
 * A key the fractional index can place statements before and after: base-62 digits only (the library
 * itself does not check them, and a stray character makes its midpoints wrong), an integer part as long as
 * its head letter says, not the smallest integer, and no fraction ending in 0 — the library's own format
 * check (`fractional-indexing` validateOrderKey, which it does not export), restated without allocating
 * because an import runs it on every statement. tests/unit/sync-invariants.test.ts holds it to the library:
 * it is valid exactly when generateKeyBetween accepts it on both sides.
 */
export function isValidOrderKey(key: string): boolean {
  if (!BASE_62.test(key)) return false;
  const head = key.charCodeAt(0);
  // a..z: integer parts of 2..27 characters; A..Z: 27..2 (negative integers).
  const intLength = head >= 97 ? head - 97 + 2 : head >= 65 ? 90 - head + 2 : 0;
  if (intLength === 0 || key.length < intLength || key === SMALLEST_KEY) return false;
  return key.length === intLength || key.charCodeAt(key.length - 1) !== 48;
}

/** The library's own verdict on a key (slower, allocates): what isValidOrderKey must agree with. */
export function libraryAcceptsOrderKey(key: string): boolean {
  try {
    // The library checks a key's format wherever it meets one; placing one after it is the cheapest way to ask.
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The key a statement with an unusable order key gets: a pure function of its id and the bad key, so every
 * installation repairs it identically. Its integer part starts with `x` (25 characters), far above any key
 * the app writes (those start at `a0`), so repaired statements come after the others, among themselves in
 * an order fixed by the digest; appending after one still has room.
 */
export function repairedOrderKey(id: string, badKey: string): string {
  const digest = sha256Sync(new TextEncoder().encode(`${id}\u0000${badKey}`));
  let key = 'x';
  for (let i = 0; i < 24; i++) key += DIGITS[digest[i]! % 62];
  // A fraction that does not end in 0 keeps the key valid whatever the digest gave.
  return `${key}V`;
}

// ---------------------------------------------------------------- per-record rules (repairable)

/** An entry as a message names it: on one line, without outer spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a finding says about what was found: how many entries, and which (repeated tags, a bad key). */
interface Found {
  count?: number;
  entries?: string[];
}

/** A finding about a record, its English message made from its key (the settings record is named by its rule's sentence). */
function finding(table: SyncedTable, record: StoredRecord<SyncedTable>, rule: InvariantRule, outcome: FindingOutcome, found: Found): Finding {
  const label = table === 'settings' ? '' : recordLabel(table, record);
  const f: Finding = {
    table,
    recordId: record.id,
    rule,
    severity: RULES[rule].severity,
    outcome,
    message: '',
    key: FINDING_KEY[rule],
    values: { table, outcome, label, count: found.count ?? found.entries?.length ?? 1 },
  };
  if (found.entries) f.entries = found.entries;
  f.message = findingText('en', f);
  return f;
}

/** Tags that are already their own folded form (most are): compared as they are, without folding. */
const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Whether two entries share a key. Allocation-free for the lists records carry (none, one or a few short,
 * already-folded tags; ids), because the import runs it on every record of a file.
 */
function hasRepeat(list: readonly string[], key: (x: string) => string): boolean {
  if (list.length < 2) return false;
  for (let i = 1; i < list.length; i++) {
    const ki = keyOf(list[i]!, key);
    for (let j = 0; j < i; j++) if (keyOf(list[j]!, key) === ki) return true;
  }
  return false;
}

function keyOf(x: string, key: (x: string) => string): string {
  return key === tagKey && FOLDED.test(x) ? x : key(x);
}

const sameId = (id: string): string => id;
const attendeeKey = (a: Attendee): string => a.personId;

/** One field found breaking a rule, with its repaired value and what its message names (count, entries). */
export interface FieldRepair extends Found {
  field: string;
  rule: InvariantRule;
  value: unknown;
}

/** The entries listed more than once, each named once. */
function repeats(dropped: readonly string[]): Found {
  return { entries: [...new Set(dropped)].map(oneLine) };
}

/** What is wrong with one record on its own, with the repaired value of each field concerned. */
function recordRepairs(table: SyncedTable, record: StoredRecord<SyncedTable>): FieldRepair[] {
  const r = record as unknown as Record<string, unknown>;
  const out: FieldRepair[] = [];
  if (table === 'briefings' || table === 'statements' || table === 'actions') {
    const tags = r.tags as string[];
    if (hasRepeat(tags, tagKey)) {
      const { kept, dropped } = firstOccurrences(tags, tagKey);
      out.push({ field: 'tags', rule: 'unique-tags', value: kept, ...repeats(dropped) });
    }
  }
  if (table === 'briefings' || table === 'templates') {
    const organisers = r.organiserIds as string[];
    if (hasRepeat(organisers, sameId)) {
      const { kept, dropped } = firstOccurrences(organisers, sameId);
      // Ids mean nothing to a reader, and the organisation may not be in the same file: say how many.
      const n = new Set(dropped).size;
      out.push({ field: 'organiserIds', rule: 'unique-organisers', value: kept, count: n });
    }
    const attendees = r.attendees as Attendee[];
    if (attendees.length > 1 && hasRepeat(attendees.map(attendeeKey), sameId)) {
      const { kept, dropped } = firstOccurrences(attendees, attendeeKey);
      const n = new Set(dropped.map(attendeeKey)).size;
      out.push({ field: 'attendees', rule: 'unique-attendees', value: kept, count: n });
    }
    const groups = r.attendeeGroups as string[];
    if (hasRepeat(groups, tagKey)) {
      const { kept, dropped } = firstOccurrences(groups, tagKey);
      out.push({ field: 'attendeeGroups', rule: 'unique-attendee-groups', value: kept, ...repeats(dropped) });
    }
  }
  if (table === 'people') {
    const aliases = r.aliases as string[];
    const own = tagKey(r.name as string);
    if (aliases.length && (hasRepeat(aliases, tagKey) || aliases.some((a) => tagKey(a) === own))) {
      const { kept, dropped } = firstOccurrences([r.name as string, ...aliases], tagKey);
      out.push({ field: 'aliases', rule: 'unique-aliases', value: kept.slice(1), ...repeats(dropped) });
    }
  }
  if (table === 'actions' && r.heldInBriefingId !== null && r.heldInBriefingId === r.briefingId) {
    out.push({ field: 'heldInBriefingId', rule: 'event-held-elsewhere', value: null });
  }
  if (table === 'statements') {
    const order = r.order as string;
    if (!isValidOrderKey(order)) {
      out.push({
        field: 'order',
        rule: 'valid-order-key',
        value: repairedOrderKey(record.id, order),
        entries: [oneLine(order.slice(0, 40))],
      });
    }
  }
  if (table === 'settings') {
    const levels = r.classificationLevels as ClassificationLevel[];
    const byId = firstOccurrences(levels, (l) => l.id);
    const byName = firstOccurrences(byId.kept, (l) => levelNameKey(l.label));
    if (byId.dropped.length) {
      out.push({ field: 'classificationLevels', rule: 'unique-level-ids', value: byName.kept, ...repeats(byId.dropped.map((l) => l.id)) });
    }
    if (byName.dropped.length) {
      out.push({
        field: 'classificationLevels',
        rule: 'unique-level-names',
        value: byName.kept,
        ...repeats(byName.dropped.map((l) => l.label.trim())),
      });
    }
  }
  return out;
}

/** A cheap first look: whether `recordRepairs` would find anything (settings are always looked at in full). */
function needsRepair(table: SyncedTable, record: StoredRecord<SyncedTable>): boolean {
  const r = record as unknown as Record<string, unknown>;
  if ((table === 'briefings' || table === 'statements' || table === 'actions') && hasRepeat(r.tags as string[], tagKey)) return true;
  if (table === 'briefings' || table === 'templates') {
    if (hasRepeat(r.organiserIds as string[], sameId) || hasRepeat(r.attendeeGroups as string[], tagKey)) return true;
    const attendees = r.attendees as Attendee[];
    if (attendees.length > 1 && hasRepeat(attendees.map(attendeeKey), sameId)) return true;
  }
  if (table === 'people' && (r.aliases as string[]).length) return true;
  if (table === 'actions' && r.heldInBriefingId !== null && r.heldInBriefingId === r.briefingId) return true;
  return table === 'statements' && !isValidOrderKey(r.order as string);
}

export interface RecordRepair<T extends SyncedTable> {
  /** The record to use: the same object when nothing was wrong, a repaired copy (same stamps) otherwise; undefined when refused. */
  record: StoredRecord<T> | undefined;
  findings: Finding[];
}

/**
 * Repair one record by the deterministic rules (stamps and clock untouched): duplicate list entries are
 * dropped keeping the first, an unusable order key becomes `repairedOrderKey`. A record still breaking a
 * fatal rule afterwards is refused. Tombstones are repaired too: a deletion can be undone.
 */
export function repairRecord<T extends SyncedTable>(table: T, record: StoredRecord<T>, rules: RecordRules = recordRepairs): RecordRepair<T> {
  const repairs = rules(table, record);
  if (!repairs.length) return { record, findings: [] };
  const next = { ...record } as Record<string, unknown>;
  for (const rep of repairs) next[rep.field] = rep.value;
  const still = rules(table, next as unknown as StoredRecord<SyncedTable>);
  const outcome: FindingOutcome = still.length ? 'refused' : 'repaired';
  const findings = repairs.map((rep) => finding(table, record, rep.rule, outcome, rep));
  return { record: outcome === 'repaired' ? (next as unknown as StoredRecord<T>) : undefined, findings };
}

// ---------------------------------------------------------------- the whole workspace

export interface CheckOptions {
  /** Called between slices of work (Settings yields to the event loop there). */
  breathe?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Records per slice of the sliced check. */
const SLICE = 2000;

/**
 * The rules over a whole workspace (or a file's records). Steps yield their progress (records done), so
 * `checkWorkspace` runs them at once and `checkWorkspaceSliced` between turns of the event loop.
 */
function* checkSteps(data: WorkspaceData, findings: Finding[]): Generator<number, void, void> {
  const ids = Object.fromEntries(SYNCED_TABLES.map((t) => [t, new Set((data[t] as StoredRecord<SyncedTable>[]).map((r) => r.id))])) as Record<
    SyncedTable,
    Set<string>
  >;
  const report: Report = (table, record, rule, found = {}) => findings.push(finding(table, record, rule, 'reported', found));
  const orderKeys = new Map<string, Map<string, string>>();
  let done = 0;
  for (const table of SYNCED_TABLES) {
    const rows = data[table] as StoredRecord<SyncedTable>[];
    for (const record of rows) {
      for (const rep of recordRepairs(table, record)) report(table, record, rep.rule, rep);
      if (!record.deleted) checkReferences(table, record, ids, report, orderKeys);
      if (++done % SLICE === 0) yield done;
    }
  }
  const orgs = data.organisations;
  for (const ring of rings(orgs, (o) => o.parentId)) {
    const o = orgs.find((x) => x.id === ring[0])!;
    report('organisations', o, 'no-parent-cycle', { count: ring.length });
  }
  for (const table of ['organisations', 'people'] as const) {
    const rows: readonly StoredRecord<'organisations' | 'people'>[] = data[table];
    for (const ring of rings(rows, (r) => r.mergedInto)) {
      const r = rows.find((x) => x.id === ring[0])!;
      report(table, r, 'no-merge-cycle', { count: ring.length });
    }
  }
}

/**
 * Rings in a "points to" relation (parent, merged into), each as its ids from the smallest one: the
 * deterministic place every reader cuts it (core/directory.ts follows the same rule).
 */
export function rings<R extends { id: string }>(rows: readonly R[], next: (r: R) => string | null): string[][] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const state = new Map<string, 1 | 2>(); // 1: on the current walk, 2: done
  const out: string[][] = [];
  for (const start of rows) {
    if (state.has(start.id)) continue;
    const path: string[] = [];
    let id: string | null = start.id;
    while (id !== null && !state.has(id)) {
      const r = byId.get(id);
      if (!r) break;
      state.set(id, 1);
      path.push(id);
      id = next(r);
    }
    if (id !== null && state.get(id) === 1) {
      const ring = path.slice(path.indexOf(id));
      const min = ring.reduce((a, b) => (b < a ? b : a));
      const at = ring.indexOf(min);
      out.push([...ring.slice(at), ...ring.slice(0, at)]);
    }
    for (const p of path) state.set(p, 2);
  }
  return out;
}

type Report = (table: SyncedTable, record: StoredRecord<SyncedTable>, rule: InvariantRule, found?: Found) => void;

function checkReferences(table: SyncedTable, record: StoredRecord<SyncedTable>, ids: Record<SyncedTable, Set<string>>, report: Report, orderKeys: Map<string, Map<string, string>>): void {
  switch (table) {
    case 'settings': {
      const s = record as StoredRecord<'settings'>;
      if (s.id === SETTINGS_ID && !s.classificationLevels.some((l) => l.id === s.defaultClassification)) {
        report(table, record, 'default-level-exists', { entries: [oneLine(s.defaultClassification)] });
      }
      return;
    }
    case 'briefings': {
      const b = record as StoredRecord<'briefings'>;
      const missing = b.organiserIds.filter((id) => !ids.organisations.has(id));
      if (missing.length) report(table, record, 'briefing-organisers-exist', { count: missing.length });
      const absent = b.attendees.filter((a) => !ids.people.has(a.personId));
      if (absent.length) report(table, record, 'attendees-exist', { count: absent.length });
      return;
    }
    case 'people': {
      const p = record as StoredRecord<'people'>;
      if (p.organisationId && !ids.organisations.has(p.organisationId)) report(table, record, 'person-organisation-exists');
      if (p.mergedInto && !ids.people.has(p.mergedInto)) report(table, record, 'merged-into-exists');
      return;
    }
    case 'organisations': {
      const o = record as StoredRecord<'organisations'>;
      if (o.parentId && !ids.organisations.has(o.parentId)) report(table, record, 'organisation-parent-exists');
      if (o.mergedInto && !ids.organisations.has(o.mergedInto)) report(table, record, 'merged-into-exists');
      return;
    }
    case 'statements': {
      const s = record as StoredRecord<'statements'>;
      if (!ids.briefings.has(s.briefingId)) report(table, record, 'statement-briefing-exists');
      if (s.speakerId && !ids.people.has(s.speakerId)) report(table, record, 'statement-speaker-exists');
      let keys = orderKeys.get(s.briefingId);
      if (!keys) orderKeys.set(s.briefingId, (keys = new Map<string, string>()));
      const other = keys.get(s.order);
      if (other !== undefined) report(table, record, 'unique-order-key');
      else keys.set(s.order, s.id);
      return;
    }
    case 'actions': {
      const a = record as StoredRecord<'actions'>;
      if (a.briefingId && !ids.briefings.has(a.briefingId)) report(table, record, 'action-briefing-exists');
      if (a.statementId && !ids.statements.has(a.statementId)) report(table, record, 'action-statement-exists');
      if (a.heldInBriefingId && !ids.briefings.has(a.heldInBriefingId)) report(table, record, 'held-in-briefing-exists');
      return;
    }
    default:
      return;
  }
}

/** Every finding about a workspace (or a file's records), in table order then record order. */
export function checkWorkspace(data: WorkspaceData): Finding[] {
  const findings: Finding[] = [];
  const steps = checkSteps(data, findings);
  while (!steps.next().done);
  return findings;
}

/** checkWorkspace in slices, for a large stored workspace: the caller's `breathe` runs between slices. */
export async function checkWorkspaceSliced(data: WorkspaceData, options: CheckOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  const total = SYNCED_TABLES.reduce((n, t) => n + data[t].length, 0);
  const steps = checkSteps(data, findings);
  for (let step = steps.next(); !step.done; step = steps.next()) {
    options.onProgress?.(step.value, total);
    if (options.signal?.aborted) throw new DOMException('The check was cancelled.', 'AbortError');
    await options.breathe?.();
  }
  options.onProgress?.(total, total);
  return findings;
}

/** Findings that would break a screen or an editor. */
export function fatalFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'fatal');
}

// ---------------------------------------------------------------- the import stage

export interface IncomingCheck {
  /** Repaired findings and refused records, at most `limit` of each; the counts are complete. */
  repaired: Finding[];
  refused: Finding[];
  repairedCount: number;
  refusedCount: number;
}

/**
 * The import's invariant stage, between validation and the merge plan: every incoming record is repaired
 * in place in `data` (a refused one is taken out), and what was done is reported. Used alike by the app's
 * import and the CLI's merge, so both store the same repaired records.
 */
/**
 * The per-record rules `repairRecord` applies: the module's own unless a test gives others (a rule no repair
 * satisfies is the only way to reach the refusal path, which no current rule needs).
 */
export type RecordRules = (table: SyncedTable, record: StoredRecord<SyncedTable>) => FieldRepair[];

export function checkIncoming(data: WorkspaceData, limit = Infinity, rules?: RecordRules): IncomingCheck {
  const out: IncomingCheck = { repaired: [], refused: [], repairedCount: 0, refusedCount: 0 };
  for (const table of SYNCED_TABLES) {
    const rows = data[table] as StoredRecord<SyncedTable>[];
    const refusedIds = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      // The common case (a sound record) decided without building a result.
      if (!rules && table !== 'settings' && !needsRepair(table, rows[i]!)) continue;
      const rep = repairRecord(table, rows[i]!, rules);
      if (!rep.findings.length) continue;
      if (rep.record) {
        rows[i] = rep.record;
        out.repairedCount++;
        for (const f of rep.findings) if (out.repaired.length < limit) out.repaired.push(f);
      } else {
        refusedIds.add(rows[i]!.id);
        out.refusedCount++;
        for (const f of rep.findings) if (out.refused.length < limit) out.refused.push(f);
      }
    }
    if (refusedIds.size) (data as Record<SyncedTable, StoredRecord<SyncedTable>[]>)[table] = rows.filter((r) => !refusedIds.has(r.id));
  }
  return out;
}
