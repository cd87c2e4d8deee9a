/**
 * The owner picker's options: "Me" (when this installation's user gave their name), the people in the
 * directory, then owners already used who are not in the directory. One option per name, compared as
 * names are (core/text foldName), so "Anna Petrová" typed twice two ways is offered once.
 */
import { translate, type Locale } from '../../core/i18n';
import type { Organisation, Person } from '../../core/model';
import { compareNames, foldName } from '../../core/text';
import { personOption } from '../briefing/directory';
import type { ComboOption } from '../lib/combobox';

/** The option id of "Me": no record id can take this form. */
export const ME = 'owner:me';

export function ownerOptions(
  people: readonly Person[],
  organisations: ReadonlyMap<string, Organisation>,
  owners: readonly string[],
  myName: string,
  locale: Locale = 'en',
): ComboOption[] {
  const seen = new Set<string>();
  const out: ComboOption[] = [];
  const me = myName.trim();
  if (me) {
    out.push({ id: ME, label: translate(locale, 'tracker.me'), detail: me, keywords: me });
    seen.add(foldName(me));
  }
  for (const p of [...people].sort((a, b) => compareNames(a.name, b.name))) {
    const key = foldName(p.name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...personOption(p, organisations), id: `person:${p.id}` });
  }
  const used: string[] = [];
  for (const o of owners) {
    const key = foldName(o);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    used.push(o.trim().replace(/\s+/g, ' '));
  }
  for (const o of used.sort(compareNames)) out.push({ id: `owner:${foldName(o)}`, label: o, detail: translate(locale, 'tracker.ownerPicker.other') });
  return out;
}

/** The name an option stores as the owner: for "Me", this installation's user's name. */
export function ownerName(option: ComboOption): string {
  return option.id === ME ? (option.detail ?? '') : option.label;
}
