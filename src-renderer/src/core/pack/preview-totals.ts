/**
 * The Pack dialog's preview from the per-briefing totals the data layer keeps (core/pack/briefing-totals.ts),
 * through the same selection test, ceiling split and banner as a preview from whole records (./select.ts).
 */
import type { ClassificationLevel } from '../model';
import { speakersOf, type BriefingFacts, type BriefingTotals } from './briefing-totals';
import type { PackOptions } from './options';
import { bannerOf, byCeiling, selectionTest, type PackPreview } from './select';

type Candidate = BriefingFacts & { id: string; totals: BriefingTotals };

/**
 * The Pack dialog's preview (counts, banner, what the ceiling leaves out) from the kept totals: the same
 * answer as previewOf(selectPack(workspace, options)) over a workspace whose people are not read (the
 * speaker criterion compares the ids statements carry).
 */
export function previewOfTotals(rows: Iterable<BriefingTotals>, levels: readonly ClassificationLevel[], options: PackOptions): PackPreview {
  const sel = options.selection;
  const matches = selectionTest<Candidate>(sel, (b, speakers) => Object.keys(speakersOf(b.totals)).some((id) => speakers.has(id)));
  const matched: Candidate[] = [];
  for (const t of rows) {
    if (!t.live) continue;
    const b: Candidate = {
      id: t.id,
      title: t.title,
      startsAt: t.startsAt,
      classification: t.classification,
      caveat: t.caveat,
      // Parsed only for the criterion that reads them.
      tags: sel.tags.length ? (JSON.parse(t.tags) as string[]) : [],
      organiserIds: sel.organiserIds.length ? (JSON.parse(t.organiserIds) as string[]) : [],
      totals: t,
    };
    if (matches(b)) matched.push(b);
  }
  const { included, excluded } = byCeiling(matched, levels, options.ceiling);
  let statements = 0;
  let actions = 0;
  for (const b of included) {
    if (options.includeStatements) statements += b.totals.statements;
    actions += b.totals.actions;
  }
  return {
    counts: { briefings: included.length, statements, actions, excluded: excluded.length },
    banner: bannerOf(levels, included).banner,
    excluded,
  };
}
