/** Options and matching for Combobox.svelte (plain TypeScript so .ts modules can import the types). */
import { fold } from '../../core/text';

export interface ComboOption {
  id: string;
  label: string;
  /** Secondary text shown after the label, e.g. a title and an organisation acronym. */
  detail?: string;
  /** Extra text the option is found by (not shown), e.g. an organisation's name and acronym. */
  keywords?: string;
}

/** Options whose label or keywords contain every typed word; prefix matches of the label first. */
export function filterOptions(options: readonly ComboOption[], query: string, limit = 8): ComboOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return options.slice(0, limit);
  const scored: { o: ComboOption; score: number }[] = [];
  for (const o of options) {
    const label = fold(o.label);
    const hay = `${label} ${fold(o.keywords ?? '')} ${fold(o.detail ?? '')}`;
    if (!words.every((w) => hay.includes(w))) continue;
    const first = words[0] ?? '';
    const score = label.startsWith(first) ? 0 : label.split(/\s+/).some((p) => p.startsWith(first)) ? 1 : 2;
    scored.push({ o, score });
  }
  scored.sort((a, b) => a.score - b.score || a.o.label.localeCompare(b.o.label));
  return scored.slice(0, limit).map((s) => s.o);
}
