/**
 * The live sync transport over `fetch`: the browser build (whose CSP allows connect-src to the configured
 * server only), the command line and the tests. In the desktop app the main process runs this same code
 * (src-main/live.ts) so the renderer never touches the network.
 */
import { LiveOffline, databaseUrl, type LiveRequest, type LiveResponse, type LiveServerConfig, type LiveTransport } from '../../core/live/transport';
import { windowText } from '../../core/errors';

const DEFAULT_TIMEOUT_MS = 30_000;

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return `Basic ${btoa(s)}`;
}

/** 127.0.0.0/8, ::1 and localhost: a server on this very machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function fetchTransport(config: LiveServerConfig, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): LiveTransport {
  const base = databaseUrl(config);
  const auth = config.user ? basicAuth(config.user, config.password) : undefined;
  // On loopback, compressing an answer costs the server more than sending it (record bodies are ciphertext,
  // which gzip shrinks by a quarter at best): pouchdb-server gzips by default and took twice as long to answer
  // a _changes batch. Elsewhere the usual negotiation stands (a slow link gains that quarter). A browser
  // ignores this header (it is the browser's to set); Node's fetch (the command line, the desktop app's main
  // process) sends it.
  const loopback = isLoopbackHost(new URL(base).hostname);
  return {
    async request(req: LiveRequest, signal?: AbortSignal): Promise<LiveResponse> {
      const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (loopback) headers['accept-encoding'] = 'identity';
      if (auth) headers.authorization = auth;
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await fetchImpl(req.path ? `${base}/${req.path}` : base, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          // Credentials go in the header only; no cookies, no redirects to elsewhere.
          credentials: 'omit',
          redirect: 'error',
        });
      } catch (e) {
        if (signal?.aborted) throw e;
        throw new LiveOffline(windowText(timeout.aborted ? 'error.live.timeout' : 'error.live.unreachable'));
      }
      let body: unknown = null;
      try {
        const text = await res.text();
        body = text ? (JSON.parse(text) as unknown) : null;
      } catch (e) {
        if (signal?.aborted) throw e;
        // A body cut off by a dropped link, or not JSON: the request did not complete as far as we know.
        if (res.ok) throw new LiveOffline(windowText('error.live.cutOff'));
      }
      return { status: res.status, body };
    },
  };
}
