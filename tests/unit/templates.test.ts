import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src-renderer/src/core/hlc';
import { TEMPLATE_BRIEFING_FIELDS, emptyWorkspaceData } from '../../src-renderer/src/core/model';
import { createRecord, editRecord } from '../../src-renderer/src/core/records';
import { decodeSyncFile, encodeSyncFile, type HeaderFields } from '../../src-renderer/src/core/sync/format';
import { mergeRecord } from '../../src-renderer/src/core/sync/merge';
import { briefingLike, carriedFields, templateFrom, templateNameProblem } from '../../src-renderer/src/core/templates';
import { briefingFields } from './fixtures';

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const clock = (ms: number, node = 'a1b2c3') => formatHlc(Date.UTC(2025, 0, 1) + ms, 0, node);

const source = briefingFields({
  title: 'Monthly heads of mission briefing',
  startsAt: '2015-03-17T10:00',
  location: 'Ministry of Foreign Affairs, Dushanbe',
  format: 'meeting',
  organiserIds: [id(1), id(2)],
  audience: 'Heads of diplomatic missions',
  classification: 'restricted',
  caveat: 'EYES ONLY',
  tags: ['drugs', 'Central Asia'],
  summary: 'What was said last time.',
  comment: 'Our view of last time.',
  attendees: [
    { personId: id(10), delegation: true },
    { personId: id(11), delegation: false },
  ],
  attendeeGroups: ['Heads of mission of 30 states'],
});

const blank = briefingFields({
  title: '',
  startsAt: '2026-12-04T15:00',
  location: '',
  format: 'briefing',
  audience: '',
  classification: 'unclassified',
  tags: [],
  attendees: [],
  attendeeGroups: [],
});
const everyone = { organisation: () => true, person: () => true };

describe('a new briefing like an earlier one', () => {
  it('copies organisers, audience, format, classification, caveat, tags, attendees, groups, title and location; dated now; no summary or comment', () => {
    const b = briefingLike(source, blank, everyone);
    for (const f of TEMPLATE_BRIEFING_FIELDS) expect(b[f]).toEqual(source[f]);
    expect(b.startsAt).toBe('2026-12-04T15:00');
    expect(b.summary).toBe('');
    expect(b.comment).toBe('');
  });

  it('shares no list with its source: editing the copy leaves the original alone', () => {
    const b = briefingLike(source, blank, everyone);
    b.tags.push('new');
    b.attendees[0]!.delegation = false;
    b.attendeeGroups.push('Press');
    expect(source.tags).toEqual(['drugs', 'Central Asia']);
    expect(source.attendees[0]!.delegation).toBe(true);
    expect(source.attendeeGroups).toEqual(['Heads of mission of 30 states']);
  });

  it('leaves out organisers and people no longer in the directory', () => {
    const b = briefingLike(source, blank, { organisation: (i) => i === id(2), person: (i) => i === id(11) });
    expect(b.organiserIds).toEqual([id(2)]);
    expect(b.attendees).toEqual([{ personId: id(11), delegation: false }]);
  });

  it('a template without a title lends its name to the briefing', () => {
    const t = { ...templateFrom('Weekly donor coordination', source), title: '' };
    expect(briefingLike(t, blank, everyone).title).toBe('Weekly donor coordination');
  });
});

describe('templates', () => {
  it('keeps exactly the carried fields of a briefing, under a trimmed name', () => {
    const t = templateFrom('  Monthly HoM  ', source);
    expect(Object.keys(t).sort()).toEqual(['name', ...TEMPLATE_BRIEFING_FIELDS].sort());
    expect(t.name).toBe('Monthly HoM');
    expect(carriedFields(t)).toEqual(carriedFields(source));
  });

  it('refuses a blank name, an over-long one and another template’s name (case and accents ignored)', () => {
    expect(templateNameProblem('  ', [])).toMatch(/Give the template a name/);
    expect(templateNameProblem('x'.repeat(301), [])).toMatch(/at most 300/);
    expect(templateNameProblem('monthly hom', [{ name: 'Monthly HoM' }])).toBe('There is already a template called “monthly hom”.');
    expect(templateNameProblem('Monthly HoM', [])).toBeUndefined();
  });

  it('travel through sync: a template round-trips through the file format and merges field by field', async () => {
    const header: HeaderFields = {
      app: { name: 'Attaché', version: '0.1.0' },
      installation: { id: id(9999), name: 'Laptop' },
      createdAt: '2025-01-01T00:00:00.000Z',
      scope: { kind: 'full' },
    };
    const original = createRecord('templates', id(500), templateFrom('Monthly HoM', source), clock(0));
    const data = emptyWorkspaceData();
    data.templates.push(original);
    const decoded = await decodeSyncFile(await encodeSyncFile(data, header));
    expect(decoded.data.templates).toEqual([original]);
    expect(decoded.header.counts.templates).toBe(1);

    // Two colleagues edit the same template: one renames it, the other adds a group. Both edits survive.
    const renamed = editRecord('templates', original, { name: 'Monthly heads of mission' }, clock(1000, 'aaaaaa'))!;
    const grouped = editRecord('templates', original, { attendeeGroups: ['Heads of mission of 30 states', 'Press'] }, clock(2000, 'bbbbbb'))!;
    const here = mergeRecord('templates', renamed, grouped).result!;
    const there = mergeRecord('templates', grouped, renamed).result!;
    expect(here).toEqual(there);
    expect(here.name).toBe('Monthly heads of mission');
    expect(here.attendeeGroups).toEqual(['Heads of mission of 30 states', 'Press']);
  });
});
