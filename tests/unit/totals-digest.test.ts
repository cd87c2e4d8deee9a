/**
 * The totals digest's encoding (core/pack/totals-digest.ts): the rows it is given come back as they were,
 * whatever their text holds, and a text that is not a sound digest is refused rather than read as totals.
 */
import { describe, expect, it } from 'vitest';
import { emptyTotals, type BriefingTotals } from '../../src-renderer/src/core/pack/briefing-totals';
import { decodeTotalsDigest, encodeTotalsDigest, TotalsDigestDamagedError } from '../../src-renderer/src/core/pack/totals-digest';

const rows: BriefingTotals[] = [
  { ...emptyTotals(''), actions: 2 },
  {
    id: '01a246c3-78f3-70ed-941f-6abb38ff4e88',
    live: 1,
    title: 'Drugs "and" <b>borders</b>\n, Душанбе',
    startsAt: '2015-03-17T10:00',
    classification: 'restricted',
    caveat: 'EYES ONLY',
    tags: '["drugs","borders"]',
    organiserIds: '["o1"]',
    statements: 3,
    actions: 1,
    speakers: '{"p1":2}',
  },
  { ...emptyTotals('deleted-briefing'), statements: 4, speakers: '{"p2":4}' },
];

describe('totals digest', () => {
  it('gives back the rows it was made from, in order', () => {
    expect(decodeTotalsDigest(encodeTotalsDigest(rows))).toEqual(rows);
    expect(decodeTotalsDigest(encodeTotalsDigest([]))).toEqual([]);
  });

  it('refuses a text that is not a sound digest', () => {
    const text = encodeTotalsDigest(rows);
    const columns = JSON.parse(text) as Record<string, unknown[]>;
    const damaged = [
      text.slice(0, text.length - 10),
      'null',
      '[]',
      JSON.stringify({ ...columns, title: columns.title!.slice(1) }),
      JSON.stringify({ ...columns, statements: [1, -1, 2] }),
      JSON.stringify({ ...columns, live: [1, 2, 0] }),
      JSON.stringify({ ...columns, speakers: ['{}', 3, '{}'] }),
      JSON.stringify(Object.fromEntries(Object.entries(columns).filter(([c]) => c !== 'caveat'))),
    ];
    for (const t of damaged) expect(() => decodeTotalsDigest(t), t).toThrow(TotalsDigestDamagedError);
  });
});
