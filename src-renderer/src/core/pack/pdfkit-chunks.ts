/**
 * A workaround for a garbage-collection pathology of pdfkit (inside pdfmake) under V8, found with
 * `npm run bench:pack` and worth about a sixth of a 400-page pack's time.
 *
 * pdfkit gathers each PDF object's content as a list of small chunks (one per drawing operator, a
 * few thousand per page) and, when the object is written, replaces the list by one concatenated,
 * compressed buffer, leaving the list to the garbage collector. V8 decides per allocation site
 * whether to allocate straight into the old generation ("pretenuring"), and it decides so for
 * pdfkit's chunk lists once more than about a hundred long-lived PDF objects are made between two
 * minor collections: the link annotations of a contents page with a few dozen entries are enough.
 * From then on each page's list lives in the old generation, and every chunk a written, dead list
 * still points to is kept alive by each minor collection until the next full one: a 400-page pack
 * copied some 130 MB of dead chunks into the old generation and spent twice as long collecting.
 *
 * Emptying the list once its object is written lets the chunks die young. The output is unchanged
 * (tests/unit/pack-pdf.test.ts compares bytes with and without it).
 */

/** What we touch of pdfkit's PDFReference: its chunk list and the method that writes it out. */
interface PdfReferenceLike {
  buffer: unknown;
  finalize(): void;
}

const RELEASED = Symbol.for('attache.pdfkit.releasesChunkLists');

interface PdfkitDocumentLike {
  _root?: { constructor?: { prototype?: Partial<PdfReferenceLike> & { [RELEASED]?: true } } };
}

const installed = new WeakMap<PdfmakeInstance, Promise<boolean>>();

/**
 * Make pdfkit's PDF objects empty their chunk lists once written. Idempotent per pdfkit copy (the
 * Node entry and the browser bundle each carry their own). Finds pdfkit's PDFReference class through
 * a throwaway document: pdfmake exposes no pdfkit classes, but every document's catalogue is one.
 * Returns whether the workaround is in place; if pdfkit's internals have changed shape it leaves
 * them alone and the pack is built as usual, only slower (tests/unit/pinned-internals.test.ts fails
 * then, so that an upgrade does not lose the workaround unnoticed).
 */
export function releasePdfkitChunkLists(pdfmake: PdfmakeInstance): Promise<boolean> {
  let done = installed.get(pdfmake);
  // Never a reason to fail a pack: without the workaround it is only slower.
  if (!done) installed.set(pdfmake, (done = install(pdfmake).catch(() => false)));
  return done;
}

async function install(pdfmake: PdfmakeInstance): Promise<boolean> {
  const doc = (await pdfmake.createPdf({ content: [] }).getStream()) as PdfkitDocumentLike;
  const proto = doc._root?.constructor?.prototype;
  if (!proto || typeof proto.finalize !== 'function') return false;
  if (proto[RELEASED]) return true;
  const finalize = proto.finalize;
  proto.finalize = function (this: PdfReferenceLike) {
    const chunks = this.buffer;
    finalize.call(this);
    if (Array.isArray(chunks) && chunks !== this.buffer) chunks.length = 0;
  };
  proto[RELEASED] = true;
  return true;
}
