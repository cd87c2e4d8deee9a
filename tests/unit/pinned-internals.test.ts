/**
 * Tripwires for the dependencies whose internals our code touches, which is why package.json pins them
 * exactly (README, "Dependencies"):
 *
 * - minisearch: core/search/leanScoring.ts replaces its private `termResults` and calls its private
 *   `executeQuery`, reading `_fieldIds`, `_documentIds`, `_fieldLength`, `_avgFieldLength`,
 *   `_documentCount` and `removeTerm`.
 * - minisearch: core/search/engine.ts (toChunks) writes out what toJSON() would, a slice at a time, from
 *   `_documentCount`, `_nextId`, `_documentIds`, `_fieldIds`, `_fieldLength`, `_avgFieldLength`,
 *   `_storedFields`, `_dirtCount` and `_index`, and loads it back with the public loadJS.
 * - pdfmake (and the pdfkit inside it): core/pack/pdfkit-chunks.ts patches pdfkit's PDFReference
 *   through a document's `_root`; core/pack/render.ts counts laid-out pages through `background`.
 *
 * A failure here after an upgrade is not a test to adjust: re-read those files against the new version,
 * re-measure (`npm run bench`, `npm run bench:pack`), and only then change the pin and these expectations.
 */
import { readFileSync } from 'node:fs';
import MiniSearch, { type SearchOptions } from 'minisearch';
import pdfmakeNode from 'pdfmake';
import pdfmakeBrowser from 'pdfmake/build/pdfmake.js';
import { describe, expect, it } from 'vitest';
import { releasePdfkitChunkLists } from '../../src-renderer/src/core/pack/pdfkit-chunks';
import { registerFonts } from '../../src-renderer/src/core/pack/render';
import { loadFontsNode } from '../../src-renderer/src/core/pack/render-node';
import { documentIdOf, scoredMatches, useLeanScoring, type MiniSearchInternals } from '../../src-renderer/src/core/search/leanScoring';
import { SearchEngine } from '../../src-renderer/src/core/search/engine';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;
const installed = (name: string) => json(`node_modules/${name}/package.json`).version as string;

/** The versions the internals below were read from. */
const PINNED = { minisearch: '7.2.0', pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

describe('pinned versions', () => {
  it('are pinned exactly in package.json and are what is installed', () => {
    const deps = json('package.json').dependencies as Record<string, string>;
    const recheck = {
      minisearch: 'core/search/leanScoring.ts (it replaces MiniSearch internals)',
      pdfmake: 'core/pack/pdfkit-chunks.ts and core/pack/render.ts (they rely on pdfmake and pdfkit internals)',
    };
    for (const name of ['minisearch', 'pdfmake'] as const) {
      expect(deps[name], `package.json must pin ${name} exactly (no ^ or ~): re-check ${recheck[name]} before any upgrade`).toBe(PINNED[name]);
      expect(installed(name), `${name} ${installed(name)} is installed, not the pinned ${PINNED[name]}: run npm ci, or re-check ${recheck[name]} and update this test`).toBe(PINNED[name]);
    }
  });

  it('include the pdfkit pdfmake brings (a range in pdfmake, so the lock file is what pins it)', () => {
    expect(
      installed('pdfkit'),
      `pdfkit changed under pdfmake: re-check core/pack/pdfkit-chunks.ts (PDFReference's buffer and finalize) and re-measure npm run bench:pack`,
    ).toBe(PINNED.pdfkit);
  });
});

// ─── MiniSearch ────────────────────────────────────────────────────────────────────────────────────

interface Doc {
  id: string;
  title: string;
  text: string;
}

const DOCS: Doc[] = [
  { id: 'd1', title: 'Border management', text: 'The minister reviewed border management and counter-narcotics cooperation.' },
  { id: 'd2', title: 'Regional trade', text: 'Trade along the northern route grew; border crossings were modernised.' },
  { id: 'd3', title: 'Discarded', text: 'Border border border: a document discarded before any search.' },
  { id: 'd4', title: 'Energy security', text: 'Hydropower and the Rogun dam; regional energy trade.' },
  { id: 'd5', title: 'Narcotics seizures', text: 'Seizures of narcotics on the northern border rose sharply.' },
];

function makeIndex(lean: boolean): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'], idField: 'id', autoVacuum: false });
  index.addAll(DOCS);
  // A discarded document's postings stay until a search meets them: the scorer must clean them up.
  index.discard('d3');
  return lean ? useLeanScoring(index) : index;
}

/** What leanScoring.ts reads and calls; the names are MiniSearch 7.2's. */
const internals = (index: MiniSearch<Doc>) => index as unknown as MiniSearchInternals;

const QUERIES: [string, SearchOptions][] = [
  ['border', {}],
  ['border', { boost: { title: 3 } }],
  ['bord', { prefix: true }],
  ['narcotcs', { fuzzy: 0.2 }],
  ['border trade', { combineWith: 'OR', prefix: true }],
  ['border northern', { combineWith: 'AND', boost: { title: 2 } }],
  ['regional', { fields: ['text'] }],
  ['border', { boostDocument: (id) => (id === 'd2' ? 0 : id === 'd5' ? 2 : 1) }],
];

describe('MiniSearch internals (core/search/engine.ts toChunks)', () => {
  it('are what toJSON() serialises: the chunks, loaded back, give the same index', () => {
    const engine = new SearchEngine();
    const stored = { hlc: '0001735689600000-0000-aaaaaaaaaaaaaaaa', deleted: 0 };
    const briefing = { ...stored, id: 'b1', title: 'Border management', summary: 'Northern route', location: 'Dushanbe', audience: '', tags: ['border'], organiserIds: [], attendees: [], attendeeGroups: [], startsAt: '2015-03-17T10:00' };
    engine.upsert('briefings', briefing as never);
    for (const d of DOCS) {
      engine.upsert('statements', { ...stored, id: d.id, briefingId: 'b1', speakerId: null, kind: 'statement', text: `${d.title}. ${d.text}`, tags: [] } as never);
    }
    engine.remove('statements', 'd3');
    const index = (e: SearchEngine) => (e as unknown as { index: MiniSearch<Doc> }).index;
    const chunks = engine.toChunks(3, 2);
    expect(chunks.length).toBeGreaterThan(4);
    // The same content; the radix tree may list its terms in another order after loading.
    const sorted = (e: SearchEngine) => {
      const js = index(e).toJSON();
      return { ...js, index: [...js.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
    };
    expect(sorted(SearchEngine.fromChunks(chunks))).toEqual(sorted(engine));
  });
});

describe('MiniSearch internals (core/search/leanScoring.ts)', () => {
  it('has the private fields and methods the lean scorer reads and replaces, with the same shapes', () => {
    const index = internals(makeIndex(false));
    expect(index._fieldIds).toEqual({ title: 0, text: 1 });
    expect(index._documentIds).toBeInstanceOf(Map);
    expect([...index._documentIds.values()].sort()).toEqual(['d1', 'd2', 'd4', 'd5']);
    for (const shortId of index._documentIds.keys()) {
      expect(typeof shortId).toBe('number');
      const lengths = index._fieldLength.get(shortId)!;
      expect(lengths).toHaveLength(2);
      expect(lengths.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    }
    expect(index._avgFieldLength).toHaveLength(2);
    expect(index._documentCount).toBe(4);
    for (const name of ['termResults', 'executeQuery', 'removeTerm'] as const) expect(typeof index[name], name).toBe('function');
    // (sourceTerm, derivedTerm, termWeight, termBoost, fieldTermData, fieldBoosts, boostDocumentFn, bm25, results = new Map())
    expect(index.termResults.length).toBe(8);
    expect(index.removeTerm.length).toBe(3);
  });

  it('takes the lean scorer in place of its own', () => {
    const stock = internals(makeIndex(false)).termResults;
    const lean = internals(makeIndex(true)).termResults;
    expect(typeof lean).toBe('function');
    expect(lean).not.toBe(stock);
  });

  it('gives the same matches and BM25 scores with the lean scorer, and cleans up discarded documents alike', () => {
    const stock = makeIndex(false);
    const lean = makeIndex(true);
    for (const [query, options] of QUERIES) {
      const expected = internals(stock).executeQuery(query, options);
      const got = internals(lean).executeQuery(query, options);
      expect([...got.keys()].sort(), query).toEqual([...expected.keys()].sort());
      expect(expected.size, query).toBeGreaterThan(0);
      for (const [shortId, r] of expected) expect(got.get(shortId)!.score, query).toBeCloseTo(r.score, 12);
    }
    // The lazy clean-up of d3's postings (removeTerm) happened in both indexes alike.
    expect(JSON.stringify(lean.toJSON())).toBe(JSON.stringify(stock.toJSON()));
  });

  it('answers scoredMatches with executeQuery’s raw scores under the documents’ own ids', () => {
    const stock = makeIndex(false);
    const lean = makeIndex(true);
    for (const [query, options] of QUERIES) {
      const expected = new Map([...internals(stock).executeQuery(query, options)].map(([shortId, r]) => [internals(stock)._documentIds.get(shortId), r.score]));
      const got = new Map<string, number>();
      scoredMatches(lean, query, options, (short, score) => got.set(documentIdOf(lean, short), score));
      expect([...got.keys()].sort(), query).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(got.get(id as string), query).toBeCloseTo(score, 12);
    }
  });

  it('ranks public search() results as before (its extra factor, the query terms matched, is 1 for every lean result)', () => {
    const stock = makeIndex(false).search('border northern', { combineWith: 'AND' });
    const lean = makeIndex(true).search('border northern', { combineWith: 'AND' });
    expect(lean.map((r) => r.id)).toEqual(stock.map((r) => r.id));
    for (const [i, r] of stock.entries()) expect(lean[i]!.score * 2).toBeCloseTo(r.score, 12);
  });
});

// ─── pdfmake and its pdfkit ────────────────────────────────────────────────────────────────────────

interface RefLike {
  buffer: unknown;
  write(chunk: string): void;
  end(): void;
}

interface PdfkitDocLike {
  _root: object;
  ref(): RefLike;
}

// The Node entry (CLI, tests) and the browser bundle (the app's pack worker) each carry their own pdfkit.
const BUILDS: [string, PdfmakeInstance][] = [
  ['Node entry', pdfmakeNode],
  ['browser bundle', pdfmakeBrowser],
];

describe.each(BUILDS)('pdfmake %s (core/pack/render.ts, core/pack/pdfkit-chunks.ts)', (_name, pdfmake) => {
  it('has the calls render.ts makes', () => {
    for (const name of ['createPdf', 'addFonts', 'setFonts', 'setUrlAccessPolicy', 'setProgressCallback'] as const) {
      expect(typeof pdfmake[name], name).toBe('function');
    }
    // Only the Node entry can read local files, so only it has (and needs) a policy for them.
    expect(typeof pdfmake.setLocalAccessPolicy).toBe(pdfmake === pdfmakeNode ? 'function' : 'undefined');
    expect(typeof pdfmake.virtualfs.writeFileSync).toBe('function');
    expect(typeof pdfmake.virtualfs.existsSync).toBe('function');
  });

  it('hands out the pdfkit document, whose catalogue is a PDFReference that drops its chunk list when written', async () => {
    registerFonts(pdfmake, loadFontsNode());
    const doc = (await pdfmake.createPdf({ content: [] }).getStream()) as PdfkitDocLike;
    const proto = Object.getPrototypeOf(doc._root) as { finalize?: unknown; [key: symbol]: unknown };
    // As shipped: this file runs in its own module graph, and nothing here has patched this pdfkit yet.
    expect(proto[Symbol.for('attache.pdfkit.releasesChunkLists')]).toBeUndefined();
    expect(typeof proto.finalize).toBe('function');
    expect(typeof doc.ref).toBe('function');
    const ref = doc.ref();
    expect(Object.getPrototypeOf(ref)).toBe(proto);
    expect(ref.buffer).toEqual([]);
    ref.write('0 0 m');
    ref.write('10 10 l');
    const chunks = ref.buffer;
    expect(Array.isArray(chunks) && chunks.length).toBe(2);
    ref.end();
    // pdfkit writes the object and takes a new list, leaving the old one (and every chunk) as it was: the
    // workaround empties that old list at exactly this point.
    expect(ref.buffer).not.toBe(chunks);
    expect(chunks).toHaveLength(2);
    expect(await releasePdfkitChunkLists(pdfmake)).toBe(true);
  });

  it('calls background once per page while laying out, and reports render progress up to 1', async () => {
    registerFonts(pdfmake, loadFontsNode());
    const backgrounds: number[] = [];
    const progress: number[] = [];
    let pages = 0;
    pdfmake.setProgressCallback((p: number) => progress.push(p));
    try {
      await pdfmake
        .createPdf({
          content: [{ text: 'First page' }, { text: 'Second page', pageBreak: 'before' }, { text: 'Third page', pageBreak: 'before' }],
          defaultStyle: { font: 'NotoSerif' },
          background: (page: number) => {
            backgrounds.push(page);
            return null;
          },
          footer: (_page: number, count: number) => {
            pages = count;
            return null;
          },
        })
        .getBuffer();
    } finally {
      pdfmake.setProgressCallback(undefined);
    }
    expect(backgrounds).toEqual([1, 2, 3]);
    expect(pages).toBe(3);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });
});
