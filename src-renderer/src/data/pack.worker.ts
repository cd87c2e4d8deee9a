/// <reference lib="webworker" />
/**
 * The pack generator's thread. It reads the workspace from IndexedDB itself (see pack-protocol.ts for
 * why), then runs the same builder and renderer as the CLI; pdfmake and the fonts (from the app's own
 * bundle, never from outside) load once and stay for later runs.
 */
import { messageOf } from '../core/errors';
import { PackError, renderPackDetailed } from '../core/pack/render-browser';
import { AttacheDb } from './db';
import type { RenderRequest, WorkerReply } from './pack-protocol';
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

self.addEventListener('message', async (event: MessageEvent<RenderRequest>) => {
  const request = event.data;
  if (request?.type !== 'render') return;
  const { run } = request;
  try {
    const data = await readWorkspaceData(dbNamed(request.dbName), { liveOnly: true });
    const pack = await renderPackDetailed(data, request.options, {
      onProgress: (progress) => reply({ type: 'progress', run, progress }),
    });
    // Hand the buffer over rather than copying it: a 400-page pack is several megabytes.
    const bytes = pack.bytes.byteOffset === 0 && pack.bytes.byteLength === pack.bytes.buffer.byteLength ? pack.bytes : pack.bytes.slice();
    reply({ type: 'done', run, bytes, pageCount: pack.pageCount }, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    if (e instanceof PackError) reply({ type: 'error', run, code: e.code, message: e.message });
    else reply({ type: 'error', run, code: 'failed', message: messageOf(e) });
  }
});
