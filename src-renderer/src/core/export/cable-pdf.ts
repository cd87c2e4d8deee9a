/**
 * The cable as a PDF, set in the pack's fonts (core/pack/fonts.ts) so Cyrillic and accents print as they
 * were typed: the classification line heads and foots every page (bold, 10 pt), with "Page X of Y"; the
 * header's fields in a two-column table; numbered paragraphs with their numbers hanging in a column of
 * their own. The definition is pure data (cableDefinition), rendered by the platform's pdfmake.
 */
import { cableForExport, type CableDocument, type CableParagraph, type CablePart } from '../document/cable';
import { SERIF } from '../pack/fonts';
import { registerFonts } from '../pack/render';
import { DOCUMENT_LANGUAGE_TAGS, labelled } from '../document/language';
import { translate, type Locale } from '../i18n';
import { flatText } from './cable-text';
import { exportError } from './export-error';
import type { ExportInput, ExportOptions } from './formats';

type Node = string | Node[] | { [key: string]: unknown };

const INK = 'black';
const MUTED = '#666666';
const NAVY = '#003366';
const MARGINS: [number, number, number, number] = [64, 64, 64, 60];

function paragraphNode(p: CableParagraph, hang: number, locale: Locale): Node {
  const lead: Node[] = [];
  if (p.mark) lead.push({ text: `${p.mark} `, bold: true });
  if (p.label) lead.push({ text: `${labelled(locale, p.label)} `, bold: true });
  const body: Node[] = [{ text: [...lead, flatText(p.text)] }];
  if (p.items.length) body.push({ ul: p.items.map(flatText), margin: [0, 3, 0, 0] });
  return {
    columns: [{ text: `${p.number}.`, width: hang }, { stack: body, width: '*' }],
    columnGap: 0,
    margin: [0, 0, 0, 7],
  };
}

function partNodes(part: CablePart, hang: number, locale: Locale): Node[] {
  // headlineLevel 1 marks a heading, 2 the line under it: a heading never ends a page alone (pageBreakBefore
  // in cableDefinition moves it to the next page when nothing but its own line follows it on this one).
  const heading: Node[] =
    part.kind === 'section'
      ? [{ text: part.heading, bold: true, fontSize: 10.5, characterSpacing: 0.6, color: NAVY, margin: [0, 10, 0, 6], headlineLevel: 1 }]
      : [
          { text: part.heading, bold: true, margin: [0, 8, 0, part.subheading ? 0 : 6], headlineLevel: 1 },
          ...(part.subheading ? [{ text: part.subheading, color: MUTED, fontSize: 9.5, margin: [0, 1, 0, 6], headlineLevel: 2 }] : []),
        ];
  return [...heading, ...part.paragraphs.map((p) => paragraphNode(p, hang, locale))];
}

type Laid = { headlineLevel?: number; style?: unknown };

/**
 * Whether pdfmake (0.3: the nodes after this one come from a getter, read only for a heading) should start a
 * new page before this node: a heading with nothing but its own line after it on the page.
 */
export function breakBeforeHeading(node: Laid, nodes: { getFollowingNodesOnPage(): Laid[] }): boolean {
  if (node.headlineLevel === 1) return nodes.getFollowingNodesOnPage().every((n) => n.headlineLevel === 2 || isFurniture(n));
  return node.headlineLevel === 2 && nodes.getFollowingNodesOnPage().every(isFurniture);
}

/** The running head and foot: pdfmake lists them among a page's nodes, but they are no text of the cable's. */
const FURNITURE = 'pageFurniture';
const isFurniture = (n: Laid): boolean => n.style === FURNITURE;

/** The pdfmake document definition of a cable (fonts registered under core/pack/fonts.ts' names). */
export function cableDefinition(cable: CableDocument, language = DOCUMENT_LANGUAGE_TAGS[cable.locale]): { content: Node[]; [key: string]: unknown } {
  const locale = cable.locale;
  const hang = 14 + 6 * `${cable.lastNumber}`.length;
  const banner = (): Node => ({ text: cable.classification, style: FURNITURE, alignment: 'center', bold: true, fontSize: 10, characterSpacing: 0.8, margin: [MARGINS[0], 28, MARGINS[2], 0] });
  const content: Node[] = [
    {
      table: {
        widths: [78, '*'],
        body: cable.fields.map((f) => [
          { text: f.label, bold: true, fontSize: 9, characterSpacing: 0.4, color: MUTED },
          { text: f.values.map(flatText).join('\n'), bold: f.id === 'subject' || f.id === 'precedence' },
        ]),
      },
      layout: {
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0),
        vLineWidth: () => 0,
        hLineColor: () => '#999999',
        paddingTop: () => 2.5,
        paddingBottom: () => 2.5,
      },
      margin: [0, 0, 0, 8],
    },
  ];
  for (const b of cable.briefings) {
    if (b.heading) content.push({ text: flatText(b.heading), bold: true, fontSize: 12.5, margin: [0, 14, 0, 2] });
    for (const part of b.parts) content.push(...partNodes(part, hang, locale));
  }
  if (cable.actions) content.push(...partNodes(cable.actions, hang, locale));
  return {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language,
    info: { title: flatText(cable.subject), subject: translate(locale, 'doc.cable.subjectMeta'), creator: 'Attaché', producer: 'Attaché' },
    defaultStyle: { font: SERIF, fontSize: 10.5, lineHeight: 1.2, color: INK },
    styles: { [FURNITURE]: {} },
    header: banner,
    // A cable is a few pages with a few dozen headings: re-laying it out on a moved heading costs nothing
    // noticeable (unlike the pack's hundreds of pages, docs GUIDE §3).
    pageBreakBefore: breakBeforeHeading,
    footer: (page: number, pages: number): Node => ({
      margin: [MARGINS[0], 14, MARGINS[2], 0],
      style: FURNITURE,
      columns: [
        { text: '', width: 90, style: FURNITURE },
        { text: cable.classification, style: FURNITURE, alignment: 'center', bold: true, fontSize: 10, characterSpacing: 0.8 },
        { text: translate(locale, 'doc.folio', { page, count: pages }), style: FURNITURE, alignment: 'right', fontSize: 8.5, color: MUTED, width: 90 },
      ],
    }),
    content,
  };
}

export async function writeCablePdf(input: ExportInput, options: ExportOptions): Promise<Uint8Array> {
  if (!input.pdf) throw exportError('doc.error.noPdf');
  const fonts = await input.pdf.fonts();
  const { pdfmake } = input.pdf;
  registerFonts(pdfmake, fonts);
  const bytes = await pdfmake.createPdf(cableDefinition(cableForExport(input, options))).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
