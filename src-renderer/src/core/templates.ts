/**
 * Templates for recurring meetings: what a new briefing takes from an earlier one ("New briefing like
 * this one") or from a named template, and what a template keeps of a briefing. The fields are
 * TEMPLATE_BRIEFING_FIELDS, title and location included: a recurring meeting keeps its name and room,
 * and the officer edits them if this session differs. Never copied: the date (a new briefing is dated
 * now), the summary, the comment, statements and follow-ups — those belong to the meeting that was held.
 * Pure: no Dexie, Svelte or DOM.
 */
import { LIMITS } from './limits';
import { TEMPLATE_BRIEFING_FIELDS, type BriefingFields, type TemplateFields } from './model';
import { foldName } from './text';

type Carried = Pick<BriefingFields, (typeof TEMPLATE_BRIEFING_FIELDS)[number]>;

/** The carried fields of a briefing or template, as fresh copies (no list is shared with the source). */
export function carriedFields(source: Carried): Carried {
  return {
    title: source.title,
    location: source.location,
    format: source.format,
    organiserIds: [...source.organiserIds],
    audience: source.audience,
    classification: source.classification,
    caveat: source.caveat,
    tags: [...source.tags],
    attendees: source.attendees.map((a) => ({ personId: a.personId, delegation: a.delegation })),
    attendeeGroups: [...source.attendeeGroups],
  };
}

/**
 * A new briefing from `source` (a briefing or a template; a template without a title lends its name): `blank` (a new briefing's defaults, dated
 * now) with the carried fields on top. `exists` says whether an organisation or person is still in the
 * directory: a template may outlive someone it names, and a new briefing should not start with a
 * dangling reference.
 */
export function briefingLike(
  source: Carried & { name?: string },
  blank: BriefingFields,
  exists: { organisation(id: string): boolean; person(id: string): boolean },
): BriefingFields {
  const carried = carriedFields(source);
  return {
    ...blank,
    ...carried,
    // A briefing needs a title: a template kept without one lends its name.
    title: carried.title.trim() ? carried.title : (source.name?.trim() ?? blank.title),
    organiserIds: carried.organiserIds.filter((id) => exists.organisation(id)),
    attendees: carried.attendees.filter((a) => exists.person(a.personId)),
  };
}

/** A named template from a briefing. */
export function templateFrom(name: string, briefing: Carried): TemplateFields {
  return { name: name.trim(), ...carriedFields(briefing) };
}

/** Why a template name cannot be used, or undefined: blank, too long, or another template's name. */
export function templateNameProblem(name: string, others: readonly { name: string }[]): string | undefined {
  const t = name.trim();
  if (!t) return 'Give the template a name, e.g. “Monthly heads of mission briefing”.';
  if (t.length > LIMITS.title) return `A template name is at most ${LIMITS.title} characters.`;
  if (others.some((o) => foldName(o.name) === foldName(t))) return `There is already a template called “${t}”.`;
  return undefined;
}
