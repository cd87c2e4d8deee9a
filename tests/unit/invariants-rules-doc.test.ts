/**
 * The rules table writers rely on: docs/sync-format.md §5b states each workspace invariant's severity and whether
 * an importer repairs it. The code's RULES (core/sync/invariants.ts) must say the same, rule by rule — a rule whose
 * severity or repair changed in one place and not the other would refuse, repair or keep files differently from
 * what other writers were promised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src-renderer/src/core/sync/invariants';

/** The §5b table as `rule → { severity, repairable }`, read from the Markdown. */
function documentedRules(): Record<string, { severity: string; repairable: boolean }> {
  const doc = readFileSync(new URL('../../docs/sync-format.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## 5b.'), doc.indexOf('\n## ', doc.indexOf('## 5b.') + 1));
  const table: Record<string, { severity: string; repairable: boolean }> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | rule(s) | a writer must | severity | what an importer does |
    if (cells.length !== 6 || !cells[1]!.startsWith('`')) continue;
    const severity = cells[3]!;
    const repairable = cells[4]!.startsWith('repairs:');
    for (const rule of cells[1]!.matchAll(/`([a-z-]+)`/g)) table[rule[1]!] = { severity, repairable };
  }
  return table;
}

describe('workspace invariants as documented', () => {
  it('docs/sync-format.md §5b and RULES name the same rules, with the same severity and repair', () => {
    const documented = documentedRules();
    expect(Object.keys(documented).length).toBeGreaterThan(20);
    expect(Object.fromEntries(Object.entries(RULES).map(([rule, r]) => [rule, { severity: r.severity, repairable: r.repairable }]))).toEqual(documented);
  });
});
