/// <reference lib="webworker" />
/**
 * The pack generator's thread. It reads the workspace from IndexedDB itself (see pack-protocol.ts for
 * why): it keeps the Pack dialog's live counts current (pack-preview.ts), and on Generate runs the same
 * builder and renderer as the CLI; pdfmake and the fonts (from the app's own bundle, never from
 * outside) load once and stay for later runs.
 */
import { documentLocale } from '../core/document/language';
import { messageOf, userErrorData } from '../core/errors';
import { loadCatalogue } from '../core/i18n';
import type { RenderedPackDocx } from '../core/pack/render-docx';
import { AttacheDb } from './db';
import { readEmblem } from './emblem';
import { PackPreviewer } from './pack-preview';
import type { RenderRequest, WorkerReply, WorkerRequest } from './pack-protocol';
import { readWorkspaceData } from './snapshot';

declare const self: DedicatedWorkerGlobalScope;

const dbs = new Map<string, AttacheDb>();

function dbNamed(name: string): AttacheDb {
  let db = dbs.get(name);
  if (!db) {
    db = new AttacheDb(name);
    dbs.set(name, db);
  }
  return db;
}

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

let previewer: PackPreviewer | undefined;
let previewSeq = 0;

function previewerFor(dbName: string): PackPreviewer {
  if (previewer?.dbName !== dbName) {
    previewer?.release();
    previewer = new PackPreviewer(dbNamed(dbName), {
      onPreview: (preview) => reply({ type: 'preview', seq: previewSeq, preview }),
      onError: (e) => reply({ type: 'preview-error', seq: previewSeq, message: messageOf(e) }),
    });
  }
  return previewer;
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request?.type === 'prepare') return previewerFor(request.dbName).prepare();
  if (request?.type === 'preview') {
    previewSeq = request.seq;
    return previewerFor(request.dbName).watch(request.options);
  }
  if (request?.type === 'release') {
    previewer?.release();
    previewer = undefined;
    return;
  }
  if (request?.type !== 'render') return;
  // render() replies with its own failure: nothing is left to reject.
  void render(request);
});

/**
 * pdfmake and the pack's layout (1.7 MB of script) load on the first Generate, not with the worker: the
 * dialog's first counts, which this worker also computes, need none of it and no longer wait for it to be
 * compiled (issue 16: first counts < 0.5 s).
 */
const renderer = () => import('../core/pack/render-browser');

async function render(request: RenderRequest): Promise<void> {
  const { run } = request;
  let PackError: (typeof import('../core/pack/render-browser'))['PackError'] | undefined;
  try {
    // The pack's own language, whatever the window's: its messages loaded in this worker first.
    await loadCatalogue(documentLocale(request.options.language));
    const browser = await renderer();
    PackError = browser.PackError;
    const { renderPackDetailed } = browser;
    const db = dbNamed(request.dbName);
    const data = await readWorkspaceData(db, { liveOnly: true });
    // The emblem is this installation's (data/emblem.ts), read with the snapshot.
    const pack: { bytes: Uint8Array; pageCount: number | null } =
      request.format === 'docx'
        ? { ...(await renderWord(data, request)), pageCount: null }
        : await renderPackDetailed(data, request.options, {
            onProgress: (progress) => reply({ type: 'progress', run, progress }),
            emblem: await readEmblem(db),
            copy: request.copy,
          });
    // Hand the buffer over rather than copying it: a 400-page pack is several megabytes.
    const bytes = pack.bytes.byteOffset === 0 && pack.bytes.byteLength === pack.bytes.buffer.byteLength ? pack.bytes : pack.bytes.slice();
    reply({ type: 'done', run, bytes, pageCount: pack.pageCount }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    if (PackError && e instanceof PackError) reply({ type: 'error', run, code: e.code, message: e.message });
    else reply({ type: 'error', run, code: 'failed', message: messageOf(e), error: userErrorData(e) });
  }
}

/** The Word writer (about 240 KB) loads on the first Word pack only; it reports its start and end. */
async function renderWord(data: Awaited<ReturnType<typeof readWorkspaceData>>, request: RenderRequest): Promise<RenderedPackDocx> {
  const { run } = request;
  reply({ type: 'progress', run, progress: { phase: 'layout', fraction: 0.1 } });
  const { renderPackDocx } = await import('../core/pack/render-docx');
  const pack = await renderPackDocx(data, request.options, request.copy);
  reply({ type: 'progress', run, progress: { phase: 'done', fraction: 1 } });
  return pack;
}
