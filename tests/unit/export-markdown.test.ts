/**
 * The Markdown writer (core/export/markdown.ts) read back by commonmark.js, the CommonMark reference
 * parser, and its front matter by a YAML parser: headings, speakers, statements, decisions and the
 * follow-up task list; user text that looks like markup or HTML comes out as the text typed.
 */
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXAMPLE_BRIEFING_ID, exampleWorkspaceData } from '../../src-renderer/src/core/example';
import { briefingsMarkdown, escapeText, writeMarkdown } from '../../src-renderer/src/core/export/markdown';
import { briefingInput, documentsOf } from './export-fixture';
import { CYRILLIC_NAME, IDS, packFixture } from './pack-fixture';

function split(md: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  expect(m).not.toBeNull();
  return { front: parseYaml(m![1]!) as Record<string, unknown>, body: md.slice(m![0].length) };
}

function nodes(root: Node): Node[] {
  const all: Node[] = [];
  const walker = root.walker();
  for (let e = walker.next(); e; e = walker.next()) if (e.entering) all.push(e.node);
  return all;
}

/** The literal text under a node (text, code and line breaks), as a reader would see it. */
function textOf(node: Node): string {
  return nodes(node)
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.literal ?? '' : n.type === 'linebreak' ? '\n' : n.type === 'softbreak' ? ' ' : ''))
    .join('');
}

function headings(root: Node, level: number): string[] {
  return nodes(root).filter((n) => n.type === 'heading' && n.level === level).map(textOf);
}

describe('Markdown of the example briefing', () => {
  const md = new TextDecoder().decode(writeMarkdown(briefingInput()));
  const { front, body } = split(md);
  const doc = new Parser().parse(body);

  it('opens with YAML front matter a YAML parser reads: title, date, place, organisers, tags, classification, attendees', () => {
    expect(front).toMatchObject({
      title: 'International Cooperation on Countering Modern Threats and Challenges',
      date: '2015-03-17',
      time: '10:00',
      place: 'Ministry of Foreign Affairs, Dushanbe',
      classification: 'UNCLASSIFIED',
      tags: ['counter-narcotics', 'Central Asia', 'Afghanistan', 'criminal justice'],
    });
    expect(front.organisers).toEqual([
      'Ministry of Foreign Affairs of the Republic of Tajikistan (MFA)',
      'United Nations Office on Drugs and Crime — Programme Office in Tajikistan (UNODC)',
    ]);
    expect(front.attendees).toEqual(expect.arrayContaining(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri', 'Heads of diplomatic missions accredited in Tajikistan']));
  });

  it('has real headings: the title, its sections and a heading per speaker, in order', () => {
    expect(headings(doc, 1)).toEqual(['International Cooperation on Countering Modern Threats and Challenges']);
    expect(headings(doc, 2)).toEqual(['Summary', 'Attendance', 'Statements', 'Follow-ups', 'Announced events']);
    expect(headings(doc, 3)).toEqual(['Rustam Nazarzoda', 'Ashita Mittal', 'Shahnoza Anvar Nodiri']);
  });

  it('keeps the figures and dates exactly, and renders the summary’s bold as strong emphasis', () => {
    const all = textOf(doc);
    for (const figure of ['12 tons', '50', '300,000 ha', '70 %', '3 %', '27 May 2015', '17 March 2015, 10:00', '2015–2020']) expect(all).toContain(figure);
    expect(all).toContain('in close cooperation with the UNODC Programme Office in Tajikistan, briefed heads');
    expect(all).toContain('over 12 tons of drugs seized');
    expect(nodes(doc).filter((n) => n.type === 'strong').map(textOf)).toEqual(expect.arrayContaining(['12 tons', '300,000 ha', 'UNODC Programme Office in Tajikistan']));
  });

  it('lists follow-ups as a task list, the done one checked, with owner and date', () => {
    expect(body).toMatch(/^- \[x\] \*\*Report the briefing to capital \(cable\)\*\* — 19 March 2015 · Political Officer · Done\\$/m);
    expect(body).toMatch(/^- \[ \] \*\*Ninth MoU meeting \(Central Asia, Russia, Azerbaijan, AKDN\)\*\* — May 2015 · Ashgabat · Political Officer · Open\\$/m);
    expect(nodes(doc).filter((n) => n.type === 'html_inline' || n.type === 'html_block')).toEqual([]);
    // The notes sit on their own line inside the item (a hard break), not run into the title's line.
    const item = nodes(doc).find((n) => n.type === 'item' && textOf(n).startsWith('[x] Report the briefing'))!;
    expect(textOf(item)).toBe('[x] Report the briefing to capital (cable) — 19 March 2015 · Political Officer · Done\nCover the DCA figures, the UNODC programme and the Ministry of Justice requests.');
  });
});

describe('Markdown: user text is text', () => {
  const nasty = [
    '*x* and _y_ and **z** and `code`',
    '<script>alert(1)</script> <b>bold</b> <!-- c --> &lt;not an entity&gt; &amp;',
    '# not a heading',
    '1. not a list',
    '- not a bullet',
    '> not a quote',
    '[link](javascript:alert(1)) ![img](x.png) <http://example.org> [[Wiki]]',
    '#tag ==highlight== %%hidden%% $x^2$ ~~strike~~ | a | b |',
    '    not code',
    '---',
    'back\\slash\\',
  ];

  it('every line comes out literally, with no HTML, link, image, emphasis or code node', () => {
    for (const line of nasty) {
      const root = new Parser().parse(escapeText(line));
      const kinds = new Set(nodes(root).map((n) => n.type));
      expect([...kinds].sort(), line).toEqual(['document', 'paragraph', 'text']);
      expect(textOf(root), line).toBe(line.trim());
      expect(new HtmlRenderer().render(root)).not.toMatch(/<(script|b|a|img)\b/);
    }
  });

  it('keeps a statement’s line breaks and paragraphs, and drops control characters', () => {
    const root = new Parser().parse(escapeText('first\nsecond\r\n\r\nthird\u0007'));
    expect(nodes(root).filter((n) => n.type === 'paragraph')).toHaveLength(2);
    expect(textOf(root)).toBe('first\nsecondthird');
  });

  it('a briefing whose every text is markup renders it as text, front matter included', () => {
    const data = exampleWorkspaceData();
    const b = data.briefings[0]!;
    b.title = '*Title* <script>x</script>\n---';
    b.location = '"quoted": # not a comment';
    b.tags = ['#tag', 'a: b', 'true', '1.5'];
    data.people[0]!.name = '<img src=x onerror=alert(1)> *Name*';
    data.statements[0]!.text = '=cmd|\' /C calc\'!A0\n# heading?';
    const md = briefingsMarkdown(documentsOf(data, [EXAMPLE_BRIEFING_ID]), 'x');
    const { front, body } = split(md);
    expect(front.title).toBe('*Title* <script>x</script>\n---');
    expect(front.place).toBe('"quoted": # not a comment');
    expect(front.tags).toEqual(['#tag', 'a: b', 'true', '1.5']);
    const root = new Parser().parse(body);
    expect(nodes(root).filter((n) => n.type === 'html_inline' || n.type === 'html_block' || n.type === 'link' || n.type === 'image')).toEqual([]);
    expect(headings(root, 1)).toEqual(['*Title* <script>x</script> ---']);
    expect(headings(root, 3)).toContain('<img src=x onerror=alert(1)> *Name*');
    expect(textOf(root)).toContain("=cmd|' /C calc'!A0\n# heading?");
    expect(new HtmlRenderer().render(root)).not.toMatch(/<(script|img)\b/);
  });
});

describe('Markdown: other scripts and several briefings', () => {
  it('keeps Cyrillic, Greek and Arabic exactly', () => {
    const md = briefingsMarkdown(documentsOf(packFixture(), [IDS.water]), 'x');
    const { front, body } = split(md);
    expect(front.attendees).toEqual(expect.arrayContaining([CYRILLIC_NAME]));
    const root = new Parser().parse(body);
    expect(headings(root, 3)).toContain(CYRILLIC_NAME);
    expect(textOf(root)).toContain('Выработка электроэнергии выросла на 12 % в 2014 году.');
    expect(textOf(root)).toContain('الأمن المائي في آسيا الوسطى');
  });

  it('writes several briefings as one note listing them, each under its own title', () => {
    const md = briefingsMarkdown(documentsOf(packFixture(), [EXAMPLE_BRIEFING_ID, IDS.water]), 'Two briefings');
    const { front, body } = split(md);
    expect(front.title).toBe('Two briefings');
    expect(front.briefings).toEqual(['2015-03-17 International Cooperation on Countering Modern Threats and Challenges', '2015-04-02 Consultations on regional water security']);
    expect(headings(new Parser().parse(body), 1)).toEqual(['International Cooperation on Countering Modern Threats and Challenges', 'Consultations on regional water security']);
  });
});
