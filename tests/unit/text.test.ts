/** core/text: the one folding used by search, type-ahead, duplicate checks, level ids and file names. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcOptions } from './fc-seed';
import { fold, foldName, slug } from '../../src-renderer/src/core/text';
import { sameOrganisation } from '../../src-renderer/src/data/organisations';
import { levelIdFor } from '../../src-renderer/src/data/settings';
import { exportFileName } from '../../src-renderer/src/ui/exchange/fileName';
import { filterOptions } from '../../src-renderer/src/ui/lib/combobox';

describe('fold', () => {
  it('folds case and diacritics, keeps Cyrillic letters', () => {
    expect(fold('NÓDIRI')).toBe('nodiri');
    expect(fold('Ólafsdóttir Straße Łódź')).toBe('olafsdottir strasse lodz');
    expect(fold('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(fold('Назарзода')).toBe('назарзода');
    expect(fold('Ёлка')).toBe('елка');
  });
  it('is idempotent on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fold(fold(s)) === fold(s)), fcOptions());
  });
  it('compares names regardless of spacing: foldName', () => {
    expect(foldName('  Drug   Control\tAgency ')).toBe('drug control agency');
  });
});

describe('slug', () => {
  it('keeps folded ASCII letters and digits joined by single dashes', () => {
    expect(slug('Desk: Dushanbe / Political', 'x')).toBe('desk-dushanbe-political');
    expect(slug('Øresund Straße', 'x')).toBe('oresund-strasse');
  });
  it('falls back when nothing is left, and never ends in a dash', () => {
    expect(slug('Посольство', 'unnamed')).toBe('unnamed');
    expect(slug('---', 'level')).toBe('level');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const out = slug(s, 'fallback');
        return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(out) && out.length <= 40;
      }),
      fcOptions(),
    );
  });
});

describe('one folding everywhere', () => {
  it('the directory warns of a duplicate written with other diacritics or ø', () => {
    const org = { id: 'o1', name: 'Søren Institute', acronym: 'SI', country: '' } as Parameters<typeof sameOrganisation>[0][number];
    expect(sameOrganisation([org], { name: 'Soren  Institute', acronym: '' }).map((o) => o.id)).toEqual(['o1']);
  });
  it('type-ahead finds Straße by typing strasse', () => {
    expect(filterOptions([{ id: 'a', label: 'Straße Ministry' }], 'strasse').map((o) => o.id)).toEqual(['a']);
  });
  it('level ids and exchange file names use the same slug', () => {
    expect(levelIdFor('Très secret', [])).toBe('tres-secret');
    expect(exportFileName('Desk Ø', 'Łódź office', new Date(2026, 10, 26))).toBe('attache-desk-o-to-lodz-office-2026-11-26.attache');
  });
});
