/**
 * Argument checks for the IPC handlers. The renderer is treated as untrusted: a compromised page can send
 * anything over IPC, so every argument is checked for type and size before the main process touches the
 * disk. Pure (no Electron), so it is tested without the binary.
 */
import { bindingProblem, normalizeKeys } from '../src-renderer/src/ui/app/keymap';
import { label, SHORTCUTS } from '../src-renderer/src/ui/app/shortcuts';
import { liveRequestProblem, type LiveRequest } from '../src-renderer/src/core/live/transport';
import { liveSettingsProblems, type LiveSettingsInput } from '../src-renderer/src/core/live/settings';

export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
const MAX_FILTERS = 10;
const MAX_EXTENSIONS = 20;
const MAX_NAME = 200;

export interface DialogFilter {
  name: string;
  extensions: string[];
}

export class InvalidArgument extends Error {
  override name = 'InvalidArgument';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bytesOf(value: unknown, max: number, what: string): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new InvalidArgument(`${what} must be bytes`);
  if (value.byteLength > max) throw new InvalidArgument(`${what} is larger than ${Math.round(max / 1024 / 1024)} MB`);
  return value;
}

function filtersOf(value: unknown): DialogFilter[] {
  if (!Array.isArray(value) || value.length > MAX_FILTERS) throw new InvalidArgument('filters must be a short list');
  return value.map((f): DialogFilter => {
    if (!isRecord(f) || typeof f.name !== 'string' || f.name.length > 100 || !Array.isArray(f.extensions)) {
      throw new InvalidArgument('each filter needs a name and extensions');
    }
    if (f.extensions.length > MAX_EXTENSIONS) throw new InvalidArgument('too many extensions in a filter');
    const extensions = f.extensions.map((e) => {
      // "*" is the dialog's "all files"; anything else is a bare extension without a dot.
      if (typeof e !== 'string' || !/^(\*|[A-Za-z0-9_-]{1,20})$/.test(e)) throw new InvalidArgument(`bad extension ${String(e)}`);
      return e;
    });
    return { name: f.name, extensions };
  });
}

/**
 * A file name the user may see and the file system will accept on every platform: letters, digits and
 * `. _ - ( )` and spaces are kept, anything else (path separators, control characters, reserved characters)
 * becomes "-"; no leading dots, so it is never hidden or a relative path.
 */
export function sanitiseFileName(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-() ]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 120);
  // Windows refuses these as names whatever the extension.
  if (cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned)) return fallback;
  return cleaned;
}

export function parseSaveArgs(value: unknown): { suggestedName: string; bytes: Uint8Array; filters: DialogFilter[] } {
  if (!isRecord(value)) throw new InvalidArgument('save options must be an object');
  if (typeof value.suggestedName !== 'string' || value.suggestedName.length > MAX_NAME) {
    throw new InvalidArgument('suggestedName must be a short string');
  }
  return {
    suggestedName: sanitiseFileName(value.suggestedName, 'attache-file'),
    bytes: bytesOf(value.bytes, MAX_SAVE_BYTES, 'the file'),
    filters: filtersOf(value.filters),
  };
}

export function parseOpenArgs(value: unknown): { filters: DialogFilter[] } {
  if (!isRecord(value)) throw new InvalidArgument('open options must be an object');
  return { filters: filtersOf(value.filters) };
}

/**
 * A backup request carries the bytes and whether the user asked for it, nothing else: the main process
 * names the file, and decides whether it may write one now.
 */
export function parseBackupRequest(value: unknown): { bytes: Uint8Array; explicit: boolean } {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the backup request must be an object');
  const extra = Object.keys(value).filter((k) => k !== 'bytes' && k !== 'explicit');
  if (extra.length > 0) throw new InvalidArgument(`the backup request takes only bytes and explicit, not ${extra.slice(0, 3).join(', ')}`);
  if (value.explicit !== undefined && typeof value.explicit !== 'boolean') throw new InvalidArgument('explicit must be true or false');
  const bytes = bytesOf(value.bytes, MAX_BACKUP_BYTES, 'the backup');
  if (bytes.byteLength === 0) throw new InvalidArgument('the backup is empty');
  return { bytes, explicit: value.explicit === true };
}

/** A backup's id is its file name in the backup folder, as listed: a stamp, no path. */
export function parseBackupId(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_NAME || !/^\d{8}T\d{9}Z-[^/\\\0]+$/.test(value) || value.includes('..')) {
    throw new InvalidArgument('not a backup id');
  }
  return value;
}

/**
 * The path with the save filter's extension: a name typed without it, or with another one ("notes.txt" for a
 * PDF), gets the first filter's first extension appended. Filters of only "*" change nothing.
 */
export function withFilterExtension(path: string, filters: readonly DialogFilter[]): string {
  const allowed = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  if (allowed.length === 0) return path;
  const base = path.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (allowed.some((e) => e.toLowerCase() === ext)) return path;
  return `${path}.${allowed[0]}`;
}

/**
 * The user's rebindings for the menu's accelerators: shortcut id → keys, only ids of the shortcut table that
 * may be rebound, each binding one the renderer's own rules accept (keymap.ts: no Ctrl+Alt, no menu
 * mnemonic, no clash). Returned with the keys in canonical order.
 */
export function parseBindings(value: unknown): Record<string, string> {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the bindings must be an object');
  const entries = Object.entries(value);
  if (entries.length > SHORTCUTS.length) throw new InvalidArgument('more bindings than shortcuts');
  const rebound: Record<string, string> = {};
  for (const [id, keys] of entries) {
    const s = SHORTCUTS.find((x) => x.id === id);
    if (!s || s.fixed) throw new InvalidArgument(`${id.slice(0, 40)} is not a shortcut that can be rebound`);
    const k = typeof keys === 'string' && keys.length <= 40 ? normalizeKeys(keys) : undefined;
    if (!k) throw new InvalidArgument(`the keys for ${id} are not one key with modifiers`);
    rebound[id] = k;
  }
  const table = SHORTCUTS.map((s) => ({ ...s, keys: rebound[s.id] ?? s.keys }));
  for (const [id, keys] of Object.entries(rebound)) {
    const problem = bindingProblem(id, keys, table, label);
    if (problem) throw new InvalidArgument(problem);
  }
  return rebound;
}

/** Live sync: a bulk request's JSON is bounded (a push batch is a few hundred sealed records). */
export const MAX_LIVE_BODY_CHARS = 64 * 1024 * 1024;

/**
 * One of the replicator's requests (core/live/transport.ts liveRequestProblem): the main process adds the
 * saved server and credentials, so the renderer can reach that database only, and only its sync endpoints.
 */
export function parseLiveRequest(value: unknown): LiveRequest {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the live sync request must be an object');
  const extra = Object.keys(value).filter((k) => !['method', 'path', 'body', 'timeoutMs'].includes(k));
  if (extra.length) throw new InvalidArgument(`the live sync request takes method, path, body and timeoutMs, not ${extra.slice(0, 3).join(', ')}`);
  const problem = liveRequestProblem({ method: value.method, path: value.path });
  if (problem) throw new InvalidArgument(problem);
  if (value.timeoutMs !== undefined && (typeof value.timeoutMs !== 'number' || !Number.isFinite(value.timeoutMs) || value.timeoutMs < 1 || value.timeoutMs > 180_000)) {
    throw new InvalidArgument('timeoutMs must be between 1 and 180000');
  }
  if (value.body !== undefined) {
    if (!isRecord(value.body)) throw new InvalidArgument('the body must be an object');
    if (JSON.stringify(value.body).length > MAX_LIVE_BODY_CHARS) throw new InvalidArgument('the body is too large');
  }
  return { method: value.method as LiveRequest['method'], path: value.path as string, body: value.body, timeoutMs: value.timeoutMs };
}

/** Settings → Live sync as typed: known fields only, each checked as the screen checks it. */
export function parseLiveSettings(value: unknown): LiveSettingsInput {
  if (!isRecord(value) || ArrayBuffer.isView(value)) throw new InvalidArgument('the live sync settings must be an object');
  const known = ['enabled', 'url', 'db', 'user', 'ceiling', 'password', 'passphrase', 'remember'];
  const extra = Object.keys(value).filter((k) => !known.includes(k));
  if (extra.length) throw new InvalidArgument(`unknown live sync settings: ${extra.slice(0, 3).join(', ')}`);
  const str = (k: string, optional = false): string | undefined => {
    const v = value[k];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string') throw new InvalidArgument(`${k} must be text`);
    return v;
  };
  if (typeof value.enabled !== 'boolean') throw new InvalidArgument('enabled must be true or false');
  if (value.ceiling !== null && typeof value.ceiling !== 'string') throw new InvalidArgument('ceiling must be a level id or null');
  const input: LiveSettingsInput = {
    enabled: value.enabled,
    url: str('url')!,
    db: str('db')!,
    user: str('user')!,
    ceiling: value.ceiling,
    password: str('password', true),
    passphrase: str('passphrase', true),
  };
  const problems = liveSettingsProblems(input);
  if (problems) throw new InvalidArgument(Object.values(problems)[0]!.replace(/\.$/, ''));
  return input;
}
