/**
 * How the replicator talks to the server: one request at a time, JSON in and out, paths relative to the
 * database. The browser build and the command line use `fetch` (data/live/fetch-transport.ts); the desktop
 * app's renderer has no network, so there the main process makes the request behind the platform bridge.
 * The server's address and credentials are bound into the transport, never passed per request.
 */
import { windowText } from '../errors';

export type LiveMethod = 'GET' | 'POST' | 'PUT';

export interface LiveRequest {
  method: LiveMethod;
  /** Relative to the database: '' (the database itself), '_changes?since=…', '<doc id>', '_bulk_docs'… */
  path: string;
  body?: unknown;
  /** Give up after this long (a long poll asks for more than its own timeout). */
  timeoutMs?: number;
}

export interface LiveResponse {
  status: number;
  body: unknown;
}

export interface LiveTransport {
  /** Resolves with any HTTP status; rejects with LiveOffline when the server cannot be reached at all. */
  request(req: LiveRequest, signal?: AbortSignal): Promise<LiveResponse>;
}

/** Where a team's database is, as the user typed it in Settings or on the command line. */
export interface LiveServerConfig {
  /** http(s) URL of the CouchDB server, without the database. */
  url: string;
  db: string;
  user: string;
  password: string;
}

/** The network failed (no route, refused, reset, timed out): retry later, nothing is lost. */
export class LiveOffline extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveOffline';
  }
}

/** The server answered but will not do it (credentials, permissions, a foreign database): do not retry blindly. */
export class LiveRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveRefused';
  }
}

/**
 * The URL check shared by Settings, the bridge's validation and the command line: http or https only, no
 * credentials in it (they go in their own fields, so they are never logged or shown with the address).
 */
export function serverUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return windowText('error.live.url.notUrl');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return windowText('error.live.url.scheme');
  if (u.username || u.password) return windowText('error.live.url.credentials');
  if (u.search || u.hash) return windowText('error.live.url.query');
  return undefined;
}

/** CouchDB's rule for database names (lower case, starting with a letter). */
export function databaseNameProblem(db: string): string | undefined {
  if (!/^[a-z][a-z0-9_$()+/-]{0,237}$/.test(db)) return windowText('error.live.dbName');
  return undefined;
}

/** The origin (scheme, host, port) of a server address: what the browser build's CSP lets the app connect to. */
export function serverOrigin(url: string): string {
  return new URL(url).origin;
}

/** The database's base URL, without a trailing slash. */
export function databaseUrl(config: Pick<LiveServerConfig, 'url' | 'db'>): string {
  return `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(config.db)}`;
}

/**
 * What an HTTP status means for the user, in one sentence (null when it is not a refusal), in the window's
 * language (English in the CLI); the server's own reason is quoted as it sent it.
 */
export function refusalFor(status: number, body: unknown): string | null {
  const reason = typeof body === 'object' && body && 'reason' in body && typeof (body).reason === 'string' ? (body as { reason: string }).reason.slice(0, 200) : '';
  if (status === 401) return windowText('error.live.badCredentials');
  if (status === 403) return reason ? windowText('error.live.forbiddenBecause', { reason }) : windowText('error.live.forbidden');
  if (status === 404) return windowText('error.live.noDatabase');
  if (status >= 500) return null;
  if (status >= 400) return reason ? windowText('error.live.refusedBecause', { status: String(status), reason }) : windowText('error.live.refused', { status: String(status) });
  return null;
}

/**
 * The only requests the replicator makes, so the desktop app's main process can refuse anything else a
 * compromised renderer might ask for: the database itself, its changes feed, the bulk endpoints, the team
 * document, and record documents by id (UUIDs), read with their open revisions.
 */
const LIVE_PATHS = [
  /^$/,
  /^_changes\?[A-Za-z0-9_=&%.-]{0,400}$/,
  /^_all_docs\?include_docs=true&conflicts=true$/,
  /^_revs_diff$/,
  /^_bulk_docs$/,
  /^attache-team$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\?open_revs=all$/,
];

export function liveRequestProblem(req: { method: unknown; path: unknown }): string | undefined {
  if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'PUT') return 'the method must be GET, POST or PUT';
  if (typeof req.path !== 'string' || !LIVE_PATHS.some((p) => p.test(req.path as string))) return 'that is not a live sync request';
  if (req.method === 'PUT' && req.path !== '' && req.path !== 'attache-team') return 'only the database and the team document are created';
  return undefined;
}
