/** Bold and bullets in the summary editor: on the selection or the word at the caret, never leaving empty markers. */
import { describe, expect, it } from 'vitest';
import { toggleBold, toggleBullets, toggleItalic } from '../../src-renderer/src/core/richtext-edit';

/** Apply an edit to text written with [ and ] marking the selection (or | the caret); return the result the same way. */
function run(op: typeof toggleBold, marked: string): string {
  const caret = marked.indexOf('|');
  const start = caret >= 0 ? caret : marked.indexOf('[');
  const plain = marked.replace(/[[\]|]/g, '');
  const end = caret >= 0 ? caret : marked.indexOf(']') - 1;
  const r = op(plain, start, end);
  return r.start === r.end ? `${r.text.slice(0, r.start)}|${r.text.slice(r.start)}` : `${r.text.slice(0, r.start)}[${r.text.slice(r.start, r.end)}]${r.text.slice(r.end)}`;
}

describe('bold', () => {
  it('wraps the selection and unwraps it again', () => {
    expect(run(toggleBold, 'over [12 tons] seized')).toBe('over **[12 tons]** seized');
    expect(run(toggleBold, 'over **[12 tons]** seized')).toBe('over [12 tons] seized');
    expect(run(toggleBold, 'over [**12 tons**] seized')).toBe('over [12 tons] seized');
  });

  it('with no selection, takes the word at the caret and keeps the caret in it', () => {
    expect(run(toggleBold, 'over 12 to|ns seized')).toBe('over 12 **to|ns** seized');
    expect(run(toggleBold, 'over 12 **to|ns** seized')).toBe('over 12 to|ns seized');
    expect(run(toggleBold, '|Назарзода said')).toBe('**|Назарзода** said');
    expect(run(toggleBold, 'the co-oper|ation')).toBe('the **co-oper|ation**');
  });

  it('never leaves an empty pair of markers', () => {
    expect(run(toggleBold, 'over |  seized')).toBe('over |  seized');
    expect(run(toggleBold, '|')).toBe('|');
    expect(run(toggleBold, 'a [   ] b')).toBe('a [   ] b');
    expect(run(toggleBold, 'a - | b')).toBe('a - | b');
  });

  it('keeps spaces at the edges of a selection outside the markers', () => {
    expect(run(toggleBold, 'over[ 12 tons ]seized')).toBe('over **[12 tons]** seized');
  });
});

describe('italic', () => {
  it('wraps the selection or the word at the caret in _ and takes it off again', () => {
    expect(run(toggleItalic, 'the [Northern Route] study')).toBe('the _[Northern Route]_ study');
    expect(run(toggleItalic, 'the _[Northern Route]_ study')).toBe('the [Northern Route] study');
    expect(run(toggleItalic, 'the [_Northern Route_] study')).toBe('the [Northern Route] study');
    expect(run(toggleItalic, 'in Ash|gabat')).toBe('in _Ash|gabat_');
    expect(run(toggleItalic, 'in _Ash|gabat_')).toBe('in Ash|gabat');
    expect(run(toggleItalic, 'in *Ash|gabat*')).toBe('in Ash|gabat');
  });

  it('nests with bold either way round', () => {
    expect(run(toggleItalic, 'over **to|ns**')).toBe('over **_to|ns_**');
    expect(run(toggleBold, 'over _to|ns_')).toBe('over **_to|ns_**');
    expect(run(toggleItalic, 'over **_to|ns_**')).toBe('over **to|ns**');
  });

  it('never leaves an empty pair of markers', () => {
    expect(run(toggleItalic, 'over |  seized')).toBe('over |  seized');
    expect(run(toggleItalic, '|')).toBe('|');
    expect(run(toggleItalic, 'a [   ] b')).toBe('a [   ] b');
  });
});

describe('bullets', () => {
  it('turns the touched lines into bullets and back', () => {
    expect(run(toggleBullets, 'a\n[b\nc]\nd')).toBe('a\n[- b\n- c]\nd');
    expect(run(toggleBullets, 'a\n[- b\n- c]\nd')).toBe('a\n[b\nc]\nd');
    expect(run(toggleBullets, 'on|e')).toBe('- on|e');
  });
});
