// Serves the browser build (out/web) on this machine only, and prints its URL.
// Usage: node scripts/serve-web.mjs [--port N] [--dir out/web] [--live-origin https://couch.example.org:6984]
// --live-origin (or ATTACHE_LIVE_ORIGIN): the one CouchDB server the page may connect to for live sync; the
// page's CSP (connect-src) gains that origin and nothing else.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(opt('dir', 'out/web'));
const port = Number(opt('port', process.env.PORT ?? 5317));
const liveOrigin = (() => {
  const raw = opt('live-origin', process.env.ATTACHE_LIVE_ORIGIN ?? '');
  if (!raw) return '';
  const u = new URL(raw);
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== raw.replace(/\/+$/, '')) {
    console.error(`--live-origin must be a bare origin such as https://couch.example.org:6984, not ${raw}`);
    process.exit(2);
  }
  return u.origin;
})();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(root, rel || 'index.html');
    if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    if (liveOrigin && extname(file) === '.html') body = Buffer.from(body.toString('utf8').replace("connect-src 'self'", `connect-src 'self' ${liveOrigin}`));
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Attaché (browser build) is at http://127.0.0.1:${port}/  — press Ctrl+C to stop`);
});
