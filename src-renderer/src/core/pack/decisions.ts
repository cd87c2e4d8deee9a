/**
 * The decisions of a pack: statements of kind `decision` (what the meeting decided or agreed), listed
 * under their briefing and gathered in an annex across the pack. Pure data from what selectPack chose
 * (so a pack without statements has no decisions either, and a deleted speaker is never named); the
 * document builder (document.ts) lays them out.
 */
import { compareStatements, organisationWithAcronym, type Briefing, type Organisation, type Person, type Statement } from '../model';
import type { PackBriefing } from './select';

export interface PackDecision {
  statement: Statement;
  briefing: Briefing;
  /** Who announced it, when recorded. */
  speaker: Person | null;
  organisation: Organisation | null;
}

/** A briefing's decisions in the order they were recorded (not grouped by speaker, as statements are). */
export function decisionsOf(pb: PackBriefing): PackDecision[] {
  const out: PackDecision[] = [];
  for (const g of pb.speakers) {
    for (const s of g.statements) if (s.kind === 'decision') out.push({ statement: s, briefing: pb.briefing, speaker: g.speaker, organisation: g.organisation });
  }
  return out.sort((a, b) => compareStatements(a.statement, b.statement));
}

/** Every decision of the pack: briefings oldest first (the pack's order), each in recorded order. */
export function decisionsAcross(briefings: readonly PackBriefing[]): PackDecision[] {
  return briefings.flatMap(decisionsOf);
}

/** "Rustam Nazarzoda, Drug Control Agency (DCA)"; '' when no speaker is recorded. */
export function decidedBy(d: Pick<PackDecision, 'speaker' | 'organisation'>): string {
  if (!d.speaker) return '';
  return d.organisation ? `${d.speaker.name}, ${organisationWithAcronym(d.organisation)}` : d.speaker.name;
}
