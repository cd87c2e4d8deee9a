/**
 * What the server is trusted with: ids, revisions and ciphertext. Every record body is sealed on the client
 * with the team key (AES-256-GCM, key from PBKDF2-SHA256 of the team passphrase: the same cipher and the same
 * derivation as encrypted sync files, core/sync/crypto.ts) before it leaves, and opened on arrival.
 *
 * The team's salt and iteration count live in one clear document of the database (TEAM_DOC_ID), with a sealed
 * check value, so every client derives the same key and a wrong passphrase is refused before anything is
 * pulled or pushed. The document id is the additional authenticated data of each sealed body, so a server
 * cannot move one record's ciphertext under another id.
 */
import { PBKDF2_ITERATIONS, MAX_PBKDF2_ITERATIONS, deriveKey, openWithKey, sealWithKey } from '../sync/crypto';
import { fromBase64, toBase64 } from '../sync/digest';
import { SyncError } from '../sync/guards';

/** The one document of a live database that is not a record: the team's key parameters and its ceiling. */
export const TEAM_DOC_ID = 'attache-team';
export const LIVE_FORMAT = 'attache-live';
export const LIVE_VERSION = 1;

/** The English text of a wrong team passphrase's refusal (error.live.wrongTeamKey), which the CLI prints. */
export const WRONG_TEAM_KEY = 'The team passphrase is wrong for this database: nothing was sent or received.';

export interface TeamKey {
  readonly key: CryptoKey;
  /** The database's classification ceiling (a level id of the workspace), or null for none. */
  readonly ceiling: string | null;
}

/** The clear fields of the team document (what every client needs before it has the key). */
export interface TeamDoc {
  _id: typeof TEAM_DOC_ID;
  _rev?: string;
  format: typeof LIVE_FORMAT;
  version: number;
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  /** Sealed `{ceiling}`: opening it proves the passphrase before any record is touched. */
  iv: string;
  check: string;
}

/** The sealed part of a record's document. */
export interface SealedBody {
  iv: string;
  ct: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function teamAad(): Uint8Array {
  return encoder.encode(`${LIVE_FORMAT}:${LIVE_VERSION}:${TEAM_DOC_ID}`);
}

function docAad(id: string): Uint8Array {
  return encoder.encode(`${LIVE_FORMAT}:${LIVE_VERSION}:${id}`);
}

/** A new team document for an empty database: fresh salt, the files' iteration count. */
export async function newTeamDoc(passphrase: string, ceiling: string | null, iterations = PBKDF2_ITERATIONS): Promise<{ doc: TeamDoc; team: TeamKey }> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const check = await sealWithKey(key, iv, encoder.encode(JSON.stringify({ ceiling })), teamAad());
  const doc: TeamDoc = {
    _id: TEAM_DOC_ID,
    format: LIVE_FORMAT,
    version: LIVE_VERSION,
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    check: toBase64(check),
  };
  return { doc, team: { key, ceiling } };
}

/** Derive the key from a database's team document and prove it; a wrong passphrase throws WRONG_TEAM_KEY. */
export async function openTeam(raw: unknown, passphrase: string): Promise<TeamKey> {
  const doc = raw as Partial<TeamDoc> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== LIVE_FORMAT) {
    throw SyncError.of('invalid', 'error.live.foreignDatabase');
  }
  if (typeof doc.version !== 'number' || doc.version > LIVE_VERSION) {
    throw SyncError.of('newer-version', 'error.live.newerVersion', { version: String(doc.version), known: String(LIVE_VERSION) });
  }
  const salt = typeof doc.salt === 'string' ? fromBase64(doc.salt) : undefined;
  const iv = typeof doc.iv === 'string' ? fromBase64(doc.iv) : undefined;
  const check = typeof doc.check === 'string' ? fromBase64(doc.check) : undefined;
  const iterations = doc.iterations;
  if (!salt || salt.length < 16 || !iv || iv.length !== 12 || !check || typeof iterations !== 'number' || !Number.isInteger(iterations)) {
    throw SyncError.of('invalid', 'error.live.malformedTeamDoc');
  }
  if (iterations < 100_000 || iterations > MAX_PBKDF2_ITERATIONS) throw SyncError.of('invalid', 'error.live.iterations', { iterations: String(iterations) });
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = await openWithKey(key, iv, check, teamAad(), () => SyncError.of('wrong-passphrase', 'error.live.wrongTeamKey'));
  let ceiling: string | null = null;
  try {
    const parsed = JSON.parse(decoder.decode(plain)) as { ceiling?: unknown };
    if (typeof parsed.ceiling === 'string' && parsed.ceiling.length <= 60) ceiling = parsed.ceiling;
  } catch {
    throw SyncError.of('invalid', 'error.live.malformedTeamDoc');
  }
  return { key, ceiling };
}

/** Seal one document's plaintext under the team key; a fresh IV every time (never reuse one with a key). */
export async function seal(team: TeamKey, id: string, plain: Uint8Array): Promise<SealedBody> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await sealWithKey(team.key, iv, plain, docAad(id));
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

/** Open a sealed body; a body that does not open under this key throws WRONG_TEAM_KEY-like SyncError. */
export async function unseal(team: TeamKey, id: string, body: { iv?: unknown; ct?: unknown }): Promise<Uint8Array> {
  const iv = typeof body.iv === 'string' ? fromBase64(body.iv) : undefined;
  const ct = typeof body.ct === 'string' ? fromBase64(body.ct) : undefined;
  if (!iv || iv.length !== 12 || !ct) throw SyncError.of('invalid', 'error.live.notRecord', { id: id.slice(0, 40) });
  return openWithKey(team.key, iv, ct, docAad(id), () => SyncError.of('wrong-passphrase', 'error.live.wrongKey', { id: id.slice(0, 40) }));
}
