import { describe, expect, it } from 'vitest';
import { parseRichText, plainText } from '../../src-renderer/src/core/richtext';

describe('summary markup', () => {
  it('makes paragraphs, bold runs and bullet lists', () => {
    expect(parseRichText('Organised by **MFA** and UNODC.\n\n- Northern Route\n- Juvenile justice')).toEqual([
      { type: 'paragraph', runs: [{ text: 'Organised by ', bold: false }, { text: 'MFA', bold: true }, { text: ' and UNODC.', bold: false }] },
      { type: 'list', items: [[{ text: 'Northern Route', bold: false }], [{ text: 'Juvenile justice', bold: false }]] },
    ]);
  });

  it('keeps an unmatched ** and HTML-looking text as literal text', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(parseRichText(`2 ** 3 and ${html}`)).toEqual([{ type: 'paragraph', runs: [{ text: `2 ** 3 and ${html}`, bold: false }] }]);
    expect(plainText(`**${html}**`)).toBe(html);
  });

  it('makes italic runs of _text_ and *text*, inside bold too, and strips them from plain text', () => {
    expect(parseRichText('The _Northern Route_ and *Ashgabat* in **_May_ 2015**')).toEqual([
      {
        type: 'paragraph',
        runs: [
          { text: 'The ', bold: false },
          { text: 'Northern Route', bold: false, italic: true },
          { text: ' and ', bold: false },
          { text: 'Ashgabat', bold: false, italic: true },
          { text: ' in ', bold: false },
          { text: 'May', bold: true, italic: true },
          { text: ' 2015', bold: true },
        ],
      },
    ]);
    expect(plainText('- the _ninth_ MoU meeting\n- *Dushanbe*')).toBe('the ninth MoU meeting\nDushanbe');
  });

  it('keeps underscores and stars between or beside words literal', () => {
    for (const text of ['see snake_case_name here', '2 * 3 * 4', 'a*b*c', '_ spaced _', '__init__', 'x_', 'an _unclosed marker']) {
      expect(plainText(text)).toBe(text);
    }
  });
});
