/**
 * The pack builder without rendering: option validation, which records go in (the dialog's live
 * counts), the ceiling's excluded list, and document-definition rules that keep pdfmake fast and safe.
 */
import { describe, expect, it } from 'vitest';
import { editRecord } from '../../src-renderer/src/core/records';
import { approxHeight, buildPackDocument, speakerLine } from '../../src-renderer/src/core/pack/document';
import { DEFAULT_PACK_OPTIONS, effectiveIssueDate, packOptions, parsePackOptions } from '../../src-renderer/src/core/pack/options';
import { selectPack } from '../../src-renderer/src/core/pack/select';
import { CLOCK, CYRILLIC_NAME, GREEK_NAME, IDS, SECRET_TITLE, WATER_TITLE, packFixture } from './pack-fixture';

const EXAMPLE = 'International Cooperation on Countering Modern Threats and Challenges';
const titles = (opts: Parameters<typeof packOptions>[0]) => selectPack(packFixture(), packOptions(opts)).briefings.map((b) => b.briefing.title);

describe('pack options', () => {
  it('fills defaults for missing fields (an old saved definition still loads)', () => {
    const r = parsePackOptions({ title: 'Weekly pack' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.options).toEqual({ ...DEFAULT_PACK_OPTIONS, title: 'Weekly pack' });
  });

  it('reports every bad field with its path and a human message', () => {
    const r = parsePackOptions({ title: '  ', paper: 'A5', selection: { from: '2015-02-30', to: '2015-01-01' }, creationDate: 'yesterday', watermark: 'x'.repeat(61) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      title: 'Title cannot be empty',
      paper: 'Paper size must be A4 or Letter',
      'selection.from': 'From is not a real date (use YYYY-MM-DD)',
      creationDate: expect.stringContaining('ISO date'),
      watermark: 'Watermark is at most 60 characters',
    });
    const reversed = parsePackOptions({ selection: { from: '2015-05-01', to: '2015-04-01' } });
    expect(reversed.ok ? [] : reversed.errors).toEqual([{ path: 'selection.to', message: '"From" is after "To"' }]);
  });

  it('takes the date of issue from the creation date as written, whatever the time zone', () => {
    expect(effectiveIssueDate(packOptions({ creationDate: '2015-04-10T23:30:00-05:00' }))).toBe('2015-04-10');
    expect(effectiveIssueDate(packOptions({ creationDate: '2015-04-10T08:00:00Z', issueDate: '2015-04-11' }))).toBe('2015-04-11');
  });
});

describe('what goes into a pack', () => {
  it('takes every live briefing by default, oldest first, and counts statements and follow-ups', () => {
    const c = selectPack(packFixture(), DEFAULT_PACK_OPTIONS);
    expect(c.briefings.map((b) => b.briefing.title)).toEqual([EXAMPLE, WATER_TITLE, SECRET_TITLE]);
    expect(c.counts).toEqual({ briefings: 3, statements: 23, actions: 11, excluded: 0 });
    expect(c.dateFrom).toBe('2015-03-17');
    expect(c.dateTo).toBe('2015-04-05');
    expect(c.banner).toBe('SECRET // EYES ONLY');
  });

  it('selects by tag (any, case-insensitive), date range, organiser, speaker and by picking', () => {
    expect(titles({ selection: { tags: ['WATER', 'nothing'] } })).toEqual([WATER_TITLE]);
    // Accents and spacing do not matter either, as in search and the tracker.
    expect(titles({ selection: { tags: ['  Wáter '] } })).toEqual([WATER_TITLE]);
    expect(titles({ selection: { from: '2015-04-01', to: '2015-04-02' } })).toEqual([WATER_TITLE]);
    expect(titles({ selection: { to: '2015-03-17' } })).toEqual([EXAMPLE]);
    expect(titles({ selection: { organiserIds: [IDS.ministry] } })).toEqual([WATER_TITLE]);
    expect(titles({ selection: { speakerIds: [IDS.greekPerson] } })).toEqual([WATER_TITLE]);
    expect(titles({ selection: { briefingIds: [IDS.secret, IDS.water] } })).toEqual([WATER_TITLE, SECRET_TITLE]);
    // Criteria narrow a pick.
    expect(titles({ selection: { briefingIds: [IDS.secret, IDS.water], tags: ['security'] } })).toEqual([SECRET_TITLE]);
  });

  it('leaves briefings above the ceiling out and lists them for the dialog', () => {
    const c = selectPack(packFixture(), packOptions({ ceiling: 'restricted' }));
    expect(c.briefings.map((b) => b.briefing.title)).toEqual([EXAMPLE]);
    expect(c.excluded).toEqual([
      expect.objectContaining({ title: WATER_TITLE, classification: 'confidential', classificationLabel: 'CONFIDENTIAL' }),
      expect.objectContaining({ title: SECRET_TITLE, classification: 'secret', classificationLabel: 'SECRET' }),
    ]);
    expect(c.counts.excluded).toBe(2);
    expect(c.banner).toBe('UNCLASSIFIED');
  });

  it('treats an unknown level as above every ceiling', () => {
    const data = packFixture();
    const water = data.briefings.find((b) => b.id === IDS.water)!;
    Object.assign(water, editRecord('briefings', water, { classification: 'cosmic' }, CLOCK.replace('-0000-', '-0001-'))!);
    expect(selectPack(data, packOptions({ ceiling: 'secret' })).excluded.map((e) => e.title)).toEqual([WATER_TITLE]);
  });

  it('ignores deleted records and groups statements by speaker in recorded order', () => {
    const data = packFixture();
    const s = data.statements.find((x) => x.briefingId === IDS.water)!;
    Object.assign(s, { deleted: 1 });
    const water = selectPack(data, packOptions({ selection: { tags: ['water'] } })).briefings[0]!;
    expect(water.speakers.map((g) => [g.speaker?.name, g.statements.length])).toEqual([
      [CYRILLIC_NAME, 1],
      [GREEK_NAME, 2],
    ]);
  });

  it('counts no statements and lists no speakers when statements are left out', () => {
    const c = selectPack(packFixture(), packOptions({ includeStatements: false }));
    expect(c.counts.statements).toBe(0);
    expect(c.people).toEqual([]);
    expect(c.organisations.map((o) => o.acronym)).toEqual(['MFA', 'UNODC', 'МЭВР']);
  });

  it('sorts the tracker by due date with undated items last', () => {
    const dues = selectPack(packFixture(), DEFAULT_PACK_OPTIONS).actions.map((a) => a.due);
    const dated = dues.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(dues.slice(dated.length).every((d) => d === '')).toBe(true);
  });
});

describe('pack document definition', () => {
  const doc = buildPackDocument(packFixture(), packOptions({ ceiling: 'confidential', creationDate: '2015-04-10T08:30:00Z' }));
  const nodes: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      nodes.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(doc.definition.content);

  it('never uses pageBreakBefore (it re-lays-out the whole document per break)', () => {
    expect('pageBreakBefore' in doc.definition).toBe(false);
    expect(nodes.filter((n) => n.pageBreak === 'before').length).toBe(1 + 2 + 2); // contents, two briefings, two annexes
  });

  it('repeats table headers and keeps rows whole', () => {
    const tables = nodes.filter((n) => n.table).map((n) => n.table as { headerRows?: number; dontBreakRows?: boolean });
    // The cover, the tracker, the people and the organisations (follow-ups are printed once, in the tracker).
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) expect(t.dontBreakRows).toBe(true);
    expect(tables.filter((t) => (t.headerRows ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('lets a row split rather than lose it when it could be taller than a page', () => {
    const data = packFixture();
    const a = data.actions.find((x) => x.id === IDS.overdue)!;
    Object.assign(a, { notes: 'Very long notes. '.repeat(1200) });
    const big = buildPackDocument(data, packOptions({ selection: { tags: ['water'] } }));
    const lean = buildPackDocument(data, packOptions({ selection: { tags: ['water'] }, includeTracker: false }));
    const all: Record<string, unknown>[] = [];
    const w = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(w);
      else if (n && typeof n === 'object') {
        all.push(n as Record<string, unknown>);
        Object.values(n).forEach(w);
      }
    };
    w(big.definition.content);
    w(lean.definition.content);
    const tables = all.filter((n) => n.table).map((n) => n.table as { dontBreakRows: boolean; body: unknown[][] });
    const withNotes = tables.filter((t) => JSON.stringify(t.body).includes('Very long notes'));
    expect(withNotes.length).toBe(2); // the tracker, and the briefing's own table in a pack without one
    for (const t of withNotes) expect(t.dontBreakRows).toBe(false);
  });

  it('never names a deleted speaker or organisation, not even in the annexes', () => {
    const data = packFixture();
    const texts = (d: typeof data) => {
      const out: string[] = [];
      const w = (n: unknown) => {
        if (typeof n === 'string') out.push(n);
        else if (Array.isArray(n)) n.forEach(w);
        else if (n && typeof n === 'object') Object.values(n).forEach(w);
      };
      w(buildPackDocument(d, DEFAULT_PACK_OPTIONS).definition.content);
      return out.join('\n');
    };
    // A follow-up recorded from a statement: the tracker annex says whose statement it was.
    const action = data.actions.find((a) => a.statementId && data.statements.find((s) => s.id === a.statementId)?.speakerId)!;
    const speaker = data.people.find((p) => p.id === data.statements.find((s) => s.id === action.statementId)!.speakerId)!;
    const ministry = data.organisations.find((o) => o.id === IDS.ministry)!;
    expect(texts(data)).toContain(`by ${speaker.name}`);
    expect(texts(data)).toContain(ministry.name);

    Object.assign(speaker, { deleted: 1 });
    Object.assign(ministry, { deleted: 1 });
    const after = texts(data);
    expect(after).not.toContain(speaker.name);
    expect(after).not.toContain(ministry.name);
    expect(after).toContain(action.title);
  });

  it('estimates text height conservatively', () => {
    expect(approxHeight('x'.repeat(80), 467, 10)).toBeLessThan(20);
    expect(approxHeight('x'.repeat(20_000), 467, 10)).toBeGreaterThan(700);
  });

  it('describes a speaker by title and organisation', () => {
    const data = packFixture();
    const p = data.people.find((x) => x.name === 'Rustam Nazarzoda')!;
    const o = data.organisations.find((x) => x.id === p.organisationId)!;
    expect(speakerLine(p, o)).toBe('Lt. General, Director of the Drug Control Agency, Drug Control Agency under the President of the Republic of Tajikistan (DCA)');
    expect(speakerLine(null, null)).toBe('');
  });

  it('writes the metadata and language pdfmake needs', () => {
    expect(doc.definition).toMatchObject({
      pageSize: 'A4',
      language: 'en-GB',
      info: { title: 'Briefing pack', author: 'Attaché', creationDate: new Date('2015-04-10T08:30:00Z') },
    });
  });
});
