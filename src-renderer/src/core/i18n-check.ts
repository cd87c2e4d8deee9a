import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from './i18n';

/**
 * What is wrong with a set of message files: a key one language has and another lacks, a message that is
 * not valid ICU MessageFormat, placeholders or tags that differ from the English message's (a translation
 * that drops `{count}` or `<kbd>` silently loses it), or a plural that leaves out one of its language's
 * forms (Russian needs one, few and many: "1 брифинг", "3 брифинга", "5 брифингов"). Empty when all is well.
 * tests/unit/i18n.test.ts runs it over messages/*.json, so a gap fails the build, not a user's screen.
 */
export function messageProblems(catalogues: Readonly<Record<Locale, Readonly<Record<string, unknown>>>>): string[] {
  const problems: string[] = [];
  const keys = new Set(LOCALES.flatMap((l) => Object.keys(catalogues[l])));
  for (const key of [...keys].sort()) {
    const shapes = new Map<Locale, string>();
    for (const locale of LOCALES) {
      const message = catalogues[locale][key];
      if (typeof message !== 'string') {
        problems.push(`${locale}: "${key}" is missing`);
        continue;
      }
      let ast: unknown;
      try {
        ast = new IntlMessageFormat(message, locale).getAst();
      } catch (e) {
        problems.push(`${locale}: "${key}" is not valid ICU MessageFormat (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
      const found = { args: new Set<string>(), tags: new Set<string>() };
      walk(ast, found, locale, key, problems);
      // A tag and a placeholder share one table of values when formatted: `<briefing>{briefing}</briefing>`
      // would print the tag's function in place of the briefing.
      for (const tag of found.tags) if (found.args.has(tag)) problems.push(`${locale}: "${key}" uses <${tag}> as a tag and {${tag}} as a placeholder`);
      shapes.set(locale, `{${[...found.args].sort().join(', ')}} <${[...found.tags].sort().join(', ')}>`);
    }
    const english = shapes.get('en');
    for (const [locale, shape] of shapes) {
      if (english !== undefined && shape !== english) problems.push(`${locale}: "${key}" has ${shape}, English has ${english}`);
    }
  }
  return problems;
}

// The parser's node types (from @formatjs/icu-messageformat-parser's TYPE enum).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

interface Node {
  type: number;
  value?: string;
  options?: Record<string, { value: Node[] }>;
  children?: Node[];
  pluralType?: 'cardinal' | 'ordinal';
}

/**
 * The plural forms a language gives whole counts (0–1000). French's "many" (un million de …) is left to
 * "other", which reads correctly; Russian's few and many are everyday forms and required.
 */
function wholeNumberForms(locale: Locale, type: 'cardinal' | 'ordinal'): string[] {
  const rules = new Intl.PluralRules(locale, { type });
  const forms = new Set<string>();
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return [...forms].sort();
}

function walk(ast: unknown, found: { args: Set<string>; tags: Set<string> }, locale: Locale, key: string, problems: string[]): void {
  for (const node of ast as Node[]) {
    if ([ARGUMENT, NUMBER, DATE, TIME, SELECT, PLURAL].includes(node.type) && node.value) found.args.add(node.value);
    if (node.type === TAG && node.value) found.tags.add(node.value);
    if (node.type === PLURAL && node.options) {
      const missing = wholeNumberForms(locale, node.pluralType ?? 'cardinal').filter((c) => !(c in node.options!));
      if (missing.length) problems.push(`${locale}: "${key}" plural {${node.value}} lacks ${missing.join(', ')}`);
    }
    for (const option of Object.values(node.options ?? {})) walk(option.value, found, locale, key, problems);
    if (node.children) walk(node.children, found, locale, key, problems);
  }
}
