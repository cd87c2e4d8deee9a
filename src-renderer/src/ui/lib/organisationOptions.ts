/**
 * Organisations as every picker offers them (a briefing's organisers, a speaker's organisation, a
 * person's): ranked the same way for what was typed (an exact acronym first, then acronym and name
 * beginnings, then any match; data/organisations.ts rankOrganisations), labelled "UNODC — United
 * Nations Office on Drugs and Crime" with the country beside, and one wording for creating one inline.
 */
import { organisationChain } from '../../core/directory';
import type { Organisation } from '../../core/model';
import { foldName } from '../../core/text';
import { organisationLabel, organisationLookup, organisationShort, rankOrganisations, splitAcronym } from '../../data/organisations';
import type { ComboOption } from './combobox';
import { translate, type Locale } from '../../core/i18n';

export function organisationOptions(
  organisations: readonly Organisation[],
  typed: string,
  options: { exclude?: readonly string[]; limit?: number; locale?: Locale } = {},
): ComboOption[] {
  const excluded = new Set(options.exclude ?? []);
  const offered = excluded.size ? organisations.filter((o) => !excluded.has(o.id)) : organisations;
  // "Name (ACR)", the way a new one is typed, is looked up by its name: an existing one is offered first.
  const { name, acronym } = splitAcronym(typed);
  // The parents are named beside the organisation ("under UNODC"): the ranking also finds it by their acronym.
  const lookup = organisationLookup(organisations);
  return rankOrganisations(offered, acronym ? name : typed, options.limit ?? 8).map((o) => ({
    id: o.id,
    label: organisationLabel(o),
    detail: [parentsOf(lookup, o, options.locale), o.country].filter(Boolean).join(' · ') || undefined,
  }));
}

/** "under UNODC › ROCA", or '' for an organisation under none. */
export function parentsOf(lookup: (id: string) => Organisation | undefined, o: Organisation, locale: Locale = 'en'): string {
  if (o.parentId === null) return '';
  const chain = organisationChain((id) => (id === o.id ? o : lookup(id)), o.id).slice(0, -1);
  return chain.length ? translate(locale, 'common.org.under', { chain: chain.map(organisationShort).join(' › ') }) : '';
}

/** The Create row of an organisation picker, naming what "Name (ACR)" will make. */
export function createOrganisationLabel(text: string, locale: Locale = 'en'): string {
  const { name, acronym } = splitAcronym(text);
  return acronym ? translate(locale, 'common.org.createWithAcronym', { name, acronym }) : translate(locale, 'common.org.create', { name });
}

/**
 * Whether "Name" or "Name (ACR)" as typed is an organisation already in the directory (same name, and the
 * same acronym if one was typed): the picker then offers it rather than Create, so no twin is made.
 */
export function organisationExists(organisations: readonly Organisation[], text: string): boolean {
  const { name, acronym } = splitAcronym(text);
  const n = foldName(name);
  const a = foldName(acronym);
  return organisations.some((o) => foldName(o.name) === n && (!a || foldName(o.acronym) === a));
}
