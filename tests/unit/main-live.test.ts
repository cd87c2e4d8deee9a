/**
 * Live sync in the desktop app's main process, without Electron: the IPC arguments a compromised renderer
 * could send are refused (only the replicator's own requests, to the saved database), and the settings keep
 * their secrets wrapped by the keychain — never in the clear on disk — or in memory only where there is none.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Keychain } from '../../src-main/backups';
import { LiveStore } from '../../src-main/live';
import { InvalidArgument, parseLiveRequest, parseLiveSettings } from '../../src-main/validate';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function keychain(protection: 'os-keychain' | 'weak-keychain' | 'none'): Keychain {
  return {
    protection: () => Promise.resolve({ protection, backend: protection === 'os-keychain' ? 'gnome_libsecret' : 'basic_text' }),
    wrap: (s) => Promise.resolve(new TextEncoder().encode(`wrapped:${[...s].reverse().join('')}`)),
    unwrap: (b) => Promise.resolve({ secret: [...new TextDecoder().decode(b).slice(8)].reverse().join(''), rewrap: false }),
  };
}

const settings = { enabled: true, url: 'https://couch.example.org:6984', db: 'desk-restricted', user: 'alice', ceiling: null };

describe('live sync IPC arguments', () => {
  it('accepts the replicator’s requests', () => {
    expect(parseLiveRequest({ method: 'GET', path: '_changes?include_docs=true&since=12&limit=500' }).path).toMatch(/^_changes/);
    expect(parseLiveRequest({ method: 'POST', path: '_bulk_docs', body: { docs: [], new_edits: false } }).method).toBe('POST');
    expect(parseLiveRequest({ method: 'PUT', path: 'attache-team', body: {} }).path).toBe('attache-team');
    expect(parseLiveRequest({ method: 'GET', path: '01a241c3-38f6-74d5-a615-c5f978159e6c?open_revs=all' }).method).toBe('GET');
  });

  it('refuses anything else: other endpoints, other databases, other hosts, deletions, extra keys', () => {
    for (const bad of [
      { method: 'GET', path: '../_users' },
      { method: 'GET', path: '_all_dbs' },
      { method: 'GET', path: 'http://elsewhere.example/x' },
      { method: 'DELETE', path: '' },
      { method: 'PUT', path: '_bulk_docs' },
      { method: 'GET', path: '_changes?x=1#', },
      { method: 'GET', path: '', url: 'https://elsewhere.example' },
      { method: 'POST', path: '_bulk_docs', body: 'not an object' },
      { method: 'GET', path: '', timeoutMs: 1e9 },
    ]) {
      expect(() => parseLiveRequest(bad), JSON.stringify(bad)).toThrow(InvalidArgument);
    }
  });

  it('checks settings as the screen does', () => {
    expect(parseLiveSettings({ ...settings, password: 'pw' }).password).toBe('pw');
    expect(() => parseLiveSettings({ ...settings, url: 'ftp://x' })).toThrow(/https:\/\//);
    expect(() => parseLiveSettings({ ...settings, url: 'https://alice:pw@couch.example.org' })).toThrow(/own fields/);
    expect(() => parseLiveSettings({ ...settings, db: 'Desk' })).toThrow(/lower-case/);
    expect(() => parseLiveSettings({ ...settings, extra: 1 })).toThrow(/unknown/);
  });
});

describe('live sync settings in the main process', () => {
  it('keeps the secrets wrapped by the keychain, never in the clear', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attache-live-main-'));
    dirs.push(dir);
    const file = join(dir, 'live-sync.json');
    const store = new LiveStore(file, keychain('os-keychain'));
    const view = await store.save({ ...settings, password: 'server secret', passphrase: 'team secret' });
    expect(view).toMatchObject({ ...settings, hasPassword: true, hasPassphrase: true, kept: 'os-keychain', backend: 'gnome_libsecret' });
    const disk = await readFile(file, 'utf8');
    expect(disk).not.toContain('server secret');
    expect(disk).not.toContain('team secret');
    const again = new LiveStore(file, keychain('os-keychain'));
    expect(await again.teamPassphrase()).toBe('team secret');
    expect((await again.view()).hasPassword).toBe(true);
  });

  it('without a keychain keeps them only in memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attache-live-main-'));
    dirs.push(dir);
    const file = join(dir, 'live-sync.json');
    const store = new LiveStore(file, keychain('none'));
    expect((await store.save({ ...settings, passphrase: 'team secret' })).kept).toBe('memory');
    expect(await store.teamPassphrase()).toBe('team secret');
    expect(await new LiveStore(file, keychain('none')).teamPassphrase()).toBe('');
  });

  it('makes requests to the saved database only, with its credentials', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attache-live-main-'));
    dirs.push(dir);
    const seen: { url: string; auth: string | null }[] = [];
    const fake: typeof fetch = (input, init) => {
      seen.push({ url: input instanceof Request ? input.url : input.toString(), auth: new Headers(init?.headers).get('authorization') });
      return Promise.resolve(new Response('{"db_name":"desk-restricted","doc_count":3}', { status: 200 }));
    };
    const store = new LiveStore(join(dir, 'live-sync.json'), keychain('os-keychain'), fake);
    await store.save({ ...settings, password: 'pw' });
    const res = await store.request({ method: 'GET', path: '_changes?limit=1' });
    expect(res.status).toBe(200);
    expect(seen[0]!.url).toBe('https://couch.example.org:6984/desk-restricted/_changes?limit=1');
    expect(seen[0]!.auth).toBe(`Basic ${btoa('alice:pw')}`);
  });
});
