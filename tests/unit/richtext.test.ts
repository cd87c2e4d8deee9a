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
});
