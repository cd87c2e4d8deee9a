/**
 * People and organisations as the briefing screen shows and picks them: option labels for the pickers,
 * and the small grammar for creating one inline ("Drug Control Agency (DCA)", "Ashita Mittal, UNODC").
 */
import { organisationChain } from '../../core/directory';
import type { Organisation, Person } from '../../core/model';
import { organisationShort } from '../../data/organisations';
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

/**
 * A new speaker typed as "Name (ACR)" or "Name, ACR": when ACR is a known organisation's acronym the
 * person is attached to it.
 */
export function parseNewSpeaker(text: string, orgs: readonly Organisation[]): { name: string; organisationId: string | null } {
  const trimmed = text.trim();
  const m = /^(.*?)(?:\s*\(([^()]+)\)|\s*,\s*([^,]+))\s*$/.exec(trimmed);
  if (m && m[1]!.trim()) {
    const acr = (m[2] ?? m[3] ?? '').trim().toLowerCase();
    const org = orgs.find((o) => o.acronym && o.acronym.toLowerCase() === acr);
    if (org) return { name: m[1]!.trim(), organisationId: org.id };
  }
  return { name: trimmed, organisationId: null };
}
