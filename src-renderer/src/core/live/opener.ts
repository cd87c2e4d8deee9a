/**
 * Opening the sealed bodies of a pulled batch — base64, AES-GCM under the team key, UTF-8, JSON — is the
 * per-record work of a pull that needs nothing of the workspace, so it can run away from the thread that
 * validates and stores: in a worker (data/live/opener.ts chooses) or, where there is none, in this thread.
 * Either way the one function below does it, and what it returns is plain data (structured-cloneable), so a
 * worker's answer is the same as this thread's. Validation stays with the caller, on the path that stores
 * (core/live/document.ts recordOfPayload): nothing a worker says is taken as a sound record.
 */
import { SyncError, type SyncErrorCode } from '../sync/guards';
import type { MessageKey } from '../i18n';
import { unseal, type TeamKey } from './envelope';

/** A pulled document as the opener needs it: its id (the AAD) and its sealed parts. */
export interface SealedDoc {
  id: string;
  iv?: unknown;
  ct?: unknown;
}

/** One document opened: its parsed plaintext, or the refusal it met (a SyncError's code and message key). */
export type OpenedBody = { ok: true; payload: unknown } | { ok: false; code: SyncErrorCode; key: MessageKey };

/** Opens sealed bodies; one answer per document, in order. */
export interface BodyOpener {
  open(key: CryptoKey, docs: readonly SealedDoc[]): Promise<OpenedBody[]>;
  /** Let go of what it holds (a worker); it may be used again afterwards (it starts again). */
  close(): void;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A document's plaintext as data; a body that is not UTF-8 JSON throws error.live.unreadable naming the document. */
export function payloadOf(id: string, plain: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    throw SyncError.of('invalid', 'error.live.unreadable', { id: id.slice(0, 40) });
  }
}

/** Open each body (all dispatched at once: WebCrypto works them in parallel); a refusal is an answer, not a throw. */
export function openBodies(key: CryptoKey, docs: readonly SealedDoc[]): Promise<OpenedBody[]> {
  // Only the key is used: the ceiling belongs to the team document, not to a body.
  const team: TeamKey = { key, ceiling: null };
  return Promise.all(
    docs.map((doc) =>
      unseal(team, doc.id, doc).then(
        (plain): OpenedBody => {
          try {
            return { ok: true, payload: payloadOf(doc.id, plain) };
          } catch (e) {
            return refusal(e);
          }
        },
        (e: unknown): OpenedBody => refusal(e),
      ),
    ),
  );
}

function refusal(e: unknown): OpenedBody {
  if (e instanceof SyncError && e.key) return { ok: false, code: e.code, key: e.key };
  throw e;
}

/** The opener without a worker: this thread does the work (the command line, tests, a page without workers). */
export const inThreadOpener: BodyOpener = { open: openBodies, close: () => undefined };

/** What a page or the command line asks its opening worker: the key once (kept there), then batches. */
export type OpenerRequest = { id: number; key?: CryptoKey; docs: SealedDoc[] };
export type OpenerReply = { id: number; opened: OpenedBody[] } | { id: number; error: string };

/** The worker's side, shared by the Web Worker and the Node worker: one request in, one reply out. */
export function openerService(): (req: OpenerRequest) => Promise<OpenerReply> {
  let key: CryptoKey | undefined;
  return async (req) => {
    if (req.key) key = req.key;
    try {
      if (!key) throw new Error('no team key sent to the worker');
      return { id: req.id, opened: await openBodies(key, req.docs) };
    } catch (e) {
      return { id: req.id, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
