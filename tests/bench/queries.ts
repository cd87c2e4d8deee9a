/**
 * The 50 search queries `npm run bench` times (tests/bench/workspace.bench.ts), and bench:compare runs in
 * both builds (tests/bench/compare-page.ts): a file of their own, so that the build compared against can be
 * given the very same list.
 */
import type { SearchFilters } from '../../src-renderer/src/core/search';

/** 50 queries of the kinds people type: words, beginnings of words, names, Cyrillic, acronyms, filters. */
export const QUERIES: { text: string; filters?: SearchFilters }[] = [
  { text: 'heroin' }, { text: 'nazar' }, { text: 'hydro' }, { text: 'rogun dam' }, { text: 'unodc' },
  { text: 'osce' }, { text: 'border guards' }, { text: 'juvenile justice' }, { text: 'назар' }, { text: 'рахим' },
  { text: 'Ólafsdóttir' }, { text: 'olafsdottir' }, { text: 'müller' }, { text: 'remittances' }, { text: 'migrant workers kazakhstan' },
  { text: 'vaccination' }, { text: 'tuberc' }, { text: 'irrigation glaciers' }, { text: 'Amu Darya' }, { text: 'customs union' },
  { text: 'cooperation' }, { text: 'donor support' }, { text: 'strategy 2015' }, { text: 'electronic database' }, { text: 'prison reform training' },
  { text: 'conference' }, { text: 'Seek instructions' }, { text: 'Political Officer' }, { text: 'Dushanbe' }, { text: 'Khorog' },
  { text: 'radicalisation foreign fighters' }, { text: 'elections observers' }, { text: 'wheat prices' }, { text: 'locusts' }, { text: 'cyber' },
  { text: 'heroin', filters: { tag: 'Northern Route' } }, { text: 'purity', filters: { speaker: 'nazarzoda' } }, { text: '', filters: { speaker: 'Shahnoza Nodiri' } },
  { text: 'trafficking', filters: { organisation: 'UNODC' } }, { text: 'energy', filters: { from: '2015-01-01', to: '2015-12-31' } },
  { text: 'water', filters: { types: ['briefing'] } }, { text: 'report capital', filters: { types: ['action'] } }, { text: 'director', filters: { types: ['person'] } },
  { text: 'agency' }, { text: 'ministry of justice' }, { text: 'zzzzqx' }, { text: 'tajikistan afghanistan' }, { text: 'ka' },
  { text: 'speaker:mittal tag:seizures' }, { text: 'from:2020 to:2020-06 health' },
];
