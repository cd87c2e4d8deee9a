/**
 * The translated screens take every word from the message files (messages/*.json): no literal text in
 * their markup, nor in the attributes a person reads (aria-label, title, placeholder, alt, label). Parsed
 * with Svelte's own parser, so text inside {expressions} and <script> is not counted. Shrink UNTRANSLATED as
 * each screen is converted; what is left is listed in README ("What does not work yet").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/** Screens still in English, to shrink to nothing: every other .svelte file under ui/ is checked. */
const UNTRANSLATED = new Set<string>([
]);
const TRANSLATED = readdirSync(resolve(import.meta.dirname, '../../src-renderer/src/ui'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.svelte'))
  .map((f) => `src-renderer/src/ui/${f.split(sep).join('/')}`)
  .filter((f) => !UNTRANSLATED.has(f))
  .sort();

/** Attributes whose text is read or heard. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
/** A word: two letters in a row (a lone "A" brand mark, "×" or "▾" are not words). */
const WORD = /\p{L}{2,}/u;

interface AstNode {
  type: string;
  name?: string;
  data?: string;
  value?: unknown;
  start: number;
  [key: string]: unknown;
}

/** Literal text in a component's markup, with where it is. */
function literalStrings(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const line = (at: number) => source.slice(0, at).split('\n').length;
  const visit = (node: unknown, parentAttr?: string): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parentAttr);
      return;
    }
    const n = node as AstNode;
    if (n.type === 'Script' || n.type === 'StyleSheet' || n.type === 'Comment') return;
    if (n.type === 'Text' && WORD.test(n.data ?? '') && (parentAttr === undefined || READ_ATTRIBUTES.has(parentAttr))) {
      found.push(`line ${line(n.start)}: ${JSON.stringify((n.data ?? '').trim())}${parentAttr ? ` (${parentAttr})` : ''}`);
      return;
    }
    if (n.type === 'Attribute') {
      visit(n.value, n.name);
      return;
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'expression' || key === 'metadata') continue;
      visit(value, parentAttr);
    }
  };
  visit(ast.fragment);
  return found;
}

describe('translated screens', () => {
  it.each(TRANSLATED)('%s has no literal UI text', (file) => {
    expect(literalStrings(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8'))).toEqual([]);
  });

  it('the check finds text and read attributes, and leaves expressions, classes and scripts alone', () => {
    const source = `<script>const x = 'Hidden in script';</script>
<h1 class="big words">{t('a')}</h1>
<p>Plain words</p>
<button title="Read aloud" aria-label={t('b')}>×</button>
<!-- a comment with words -->`;
    expect(literalStrings(source)).toEqual(['line 3: "Plain words"', 'line 4: "Read aloud" (title)']);
  });
});
