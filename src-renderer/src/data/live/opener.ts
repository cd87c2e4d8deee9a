/**
 * Which opener a pull uses (core/live/opener.ts): a worker where the platform has one, so the sealed bodies of
 * batch n+1 are opened on another thread while batch n is validated and written on this one; this thread
 * otherwise. A worker answers with exactly what this thread would have computed (one function does the work).
 */
import { inThreadOpener, type BodyOpener, type OpenedBody, type OpenerReply, type OpenerRequest, type SealedDoc } from '../../core/live/opener';

/** A started worker as the opener drives it: a Web Worker in the app, a Node worker thread in the command line. */
export interface OpenerPort {
  post(req: OpenerRequest): void;
  onReply(f: (reply: OpenerReply) => void): void;
  /** The worker could not start or died: it will answer nothing more. */
  onFailure(f: (reason: string) => void): void;
  /** Whether a request is waiting (a Node worker holds the process open only then). */
  busy?(waiting: boolean): void;
  terminate(): void;
}

/**
 * An opener over a worker, started at its first batch. The key crosses once per worker (a CryptoKey is
 * structured-cloneable, and stays non-extractable). A worker that fails is not retried: what it was asked
 * and everything after is opened on this thread instead, with the same answers, only slower.
 */
export function workerOpener(start: () => OpenerPort): BodyOpener {
  let port: OpenerPort | undefined;
  let sentKey: CryptoKey | undefined;
  let failed = false;
  let next = 1;
  const waiting = new Map<number, { docs: readonly SealedDoc[]; key: CryptoKey; resolve: (o: OpenedBody[]) => void; reject: (e: unknown) => void }>();
  const settle = (id: number) => {
    const w = waiting.get(id);
    waiting.delete(id);
    port?.busy?.(waiting.size > 0);
    return w;
  };
  const fallBack = () => {
    failed = true;
    port?.terminate();
    port = undefined;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) inThreadOpener.open(w.key, w.docs).then(w.resolve, w.reject);
  };
  return {
    open(key, docs) {
      if (failed) return inThreadOpener.open(key, docs);
      if (!port) {
        let p: OpenerPort;
        try {
          p = start();
        } catch {
          failed = true;
          return inThreadOpener.open(key, docs);
        }
        port = p;
        sentKey = undefined;
        p.onReply((reply) => {
          const w = settle(reply.id);
          if (!w) return;
          if ('opened' in reply) w.resolve(reply.opened);
          else w.reject(new Error(reply.error));
        });
        p.onFailure(() => {
          if (port === p) fallBack();
        });
      }
      return new Promise<OpenedBody[]>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { docs, key, resolve, reject });
        port!.busy?.(true);
        const req: OpenerRequest = { id, docs: docs.map((d) => ({ id: d.id, iv: d.iv, ct: d.ct })) };
        if (sentKey !== key) req.key = sentKey = key;
        port!.post(req);
      });
    },
    close() {
      port?.terminate();
      port = undefined;
      const left = [...waiting.values()];
      waiting.clear();
      for (const w of left) w.reject(new Error('the opener was closed'));
    },
  };
}

/** The app's opener: a module Web Worker when the page has workers, this thread when not. */
export function defaultOpener(): BodyOpener {
  if (typeof Worker !== 'function' || typeof window === 'undefined') return inThreadOpener;
  return workerOpener(() => {
    // `new URL(…, import.meta.url)` lets Vite bundle the worker with its imports, as for the search worker.
    const w = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module', name: 'attache-live-open' });
    return {
      post: (req) => w.postMessage(req),
      onReply: (f) => (w.onmessage = (e: MessageEvent<OpenerReply>) => f(e.data)),
      onFailure: (f) => (w.onerror = (e) => f(e.message || 'worker error')),
      terminate: () => w.terminate(),
    };
  });
}
