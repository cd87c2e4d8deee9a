/**
 * People and organisations as the briefing screen shows and picks them: option labels for the pickers,
 * and the small grammar for creating one inline ("Drug Control Agency (DCA)", "Ashita Mittal, UNODC").
 */
import { organisationChain } from '../../core/directory';
import type { Organisation, Person } from '../../core/model';
import { organisationShort } from '../../data/organisations';
import { foldName } from '../../core/text';
import type { ComboOption } from '../lib/combobox';

/**
 * What is said of a speaker after their name: "Director, DCA", or with the organisation's parents when
 * `orgs` is given: "Head of Office, UNODC › ROCA".
 */
export function personDetail(person: Pick<Person, 'title'>, org: Organisation | undefined, orgs?: ReadonlyMap<string, Organisation>): string {
  const where = !org ? '' : orgs && org.parentId ? organisationChain((id) => (id === org.id ? org : orgs.get(id)), org.id).map(organisationShort).join(' › ') : organisationShort(org);
  return [person.title, where].filter(Boolean).join(', ');
}

/**
 * A person as the speaker (and attendee, owner, merge) pickers offer them: found by their name, any
 * other spelling (Cyrillic as typed; case and accents ignored, as everywhere), and their organisation's
 * name or acronym or those of its parents.
 */
export function personOption(person: Person, orgs: ReadonlyMap<string, Organisation>): ComboOption {
  const org = person.organisationId ? orgs.get(person.organisationId) : undefined;
  const detail = personDetail(person, org, orgs);
  const chain = org ? organisationChain((id) => (id === org.id ? org : orgs.get(id)), org.id) : [];
  const keywords = [...person.aliases, ...chain.map((o) => `${o.name} ${o.acronym}`)].join(' ');
  return { id: person.id, label: person.name, detail: detail || undefined, keywords };
}

/** A new person as typed into a person picker: their name, and their organisation, known or to be made. */
export interface NewPerson {
  name: string;
  organisationId: string | null;
  /** "Name (ACR)" whose ACR names no organisation: the organisation to create with the person. */
  newOrganisation: { name: string; acronym: string } | null;
}

/**
 * A new speaker (or attendee) typed as "Name (ACR)" or "Name, ACR": when ACR is a known organisation's
 * acronym (or name) the person is attached to it. "Name (ACR)" whose ACR is unknown makes the organisation
 * too: named ACR with acronym ACR when it is one word, else named as typed ("Name (Ministry of Justice)").
 * "Name, ACR" attaches known organisations only: a comma may belong to the name ("Smith, John").
 */
export function parseNewSpeaker(text: string, orgs: readonly Organisation[]): NewPerson {
  const trimmed = text.trim();
  const m = /^(.*?)(?:\s*\(([^()]{1,60})\)|\s*,\s*([^,]+))\s*$/.exec(trimmed);
  if (m && m[1]!.trim()) {
    const said = (m[2] ?? m[3] ?? '').trim();
    const k = foldName(said);
    const org = orgs.find((o) => o.acronym && foldName(o.acronym) === k) ?? orgs.find((o) => foldName(o.name) === k);
    if (org) return { name: m[1]!.trim(), organisationId: org.id, newOrganisation: null };
    if (m[2] !== undefined && said) {
      const acronym = /^\S{1,15}$/.test(said) ? said : '';
      return { name: m[1]!.trim(), organisationId: null, newOrganisation: { name: said, acronym } };
    }
  }
  return { name: trimmed, organisationId: null, newOrganisation: null };
}
