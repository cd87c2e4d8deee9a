// The main process without the Electron binary: `electron` is a mock, everything else is real (files in a
// temporary folder). IPC sender checks and argument validation through the registered handlers; the save and
// open dialogs' flows; the app:// protocol handler; the window's webPreferences; navigation hardening.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromIpcMessage, messageOf, toIpcError, UserError } from '../../src-renderer/src/core/errors';
import { ipcErrorMessage } from '../../src-renderer/src/platform/electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const electron = vi.hoisted(() => {
  const state = { userData: '', documents: '', isPackaged: false };
  const handlers = new Map<string, Handler>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  class BrowserWindow {
    options: Record<string, unknown>;
    loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    maximize() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
    static getAllWindows() {
      return [];
    }
  }
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(`w:${s}`),
    decryptString: (b: Buffer) => b.toString().slice(2),
  };
  const module = {
    app: {
      getPath: (name: string) => (name === 'userData' ? state.userData : state.documents),
      get isPackaged() {
        return state.isPackaged;
      },
      getVersion: () => '9.9.9',
      // A French system whose second language is English; one tag that could smuggle a comma is left out.
      getPreferredSystemLanguages: () => ['fr-FR', 'en-US', 'x,evil'],
      getLocale: () => 'fr',
    },
    ipcMain: { handle: (channel: string, fn: Handler) => void handlers.set(channel, fn) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    BrowserWindow,
    Menu: { buildFromTemplate: vi.fn(() => ({ popup: vi.fn() })) },
    safeStorage,
    // 'system' follows a dark OS here, so a test can tell the three choices apart.
    nativeTheme: {
      themeSource: 'system' as string,
      get shouldUseDarkColors() {
        return this.themeSource !== 'light';
      },
    },
  };
  return { state, handlers, windows, module };
});

vi.mock('electron', () => electron.module);

const { dialog, protocol } = electron.module;
const { registerIpcHandlers } = await import('../../src-main/ipc');
const { CHANNELS } = await import('../../src-main/channels');
const { MAX_OPEN_BYTES } = await import('../../src-main/validate');
const { serveRenderer } = await import('../../src-main/protocol');
const { createMainWindow } = await import('../../src-main/window');
const { hardenWebContents } = await import('../../src-main/security');
const { APP_ENTRY_URL } = await import('../../src-main/app-url');
const { CONTENT_SECURITY_POLICY } = await import('../../src-main/csp');
const { fileError } = await import('../../src-main/backups');
const { BackupError } = await import('../../src-main/backup-crypto');
const { registerWindowTheme } = await import('../../src-main/ipc');
const { keepWindowTheme, readWindowTheme } = await import('../../src-main/appearance');

const posix = process.platform !== 'win32';
let root: string;
let docs: string;

const appFrame = { url: 'app://attache/index.html', parent: null };
const fromApp = { senderFrame: appFrame, sender: {} };

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, ...args);
}

const PDF = [{ name: 'PDF document', extensions: ['pdf'] }];
const save = (name = 'Pack.pdf', bytes = new Uint8Array([1, 2, 3]), filters = PDF) => invoke(CHANNELS.saveFile, fromApp, { suggestedName: name, bytes, filters });
const chooseSavePath = (filePath: string | undefined) =>
  dialog.showSaveDialog.mockResolvedValueOnce(filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'attache-shell-'));
  electron.state.userData = join(root, 'profile');
  electron.state.documents = docs = join(root, 'Documents');
  mkdirSync(electron.state.userData);
  mkdirSync(docs);
  registerIpcHandlers();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  vi.clearAllMocks();
  electron.state.isPackaged = false;
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('IPC: only the app’s own top frame may call', () => {
  const refused: [string, unknown][] = [
    ['an iframe inside the app', { senderFrame: { url: 'app://attache/index.html', parent: appFrame }, sender: {} }],
    ['another origin', { senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }],
    ['another app:// host', { senderFrame: { url: 'app://elsewhere/index.html', parent: null }, sender: {} }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null }, sender: {} }],
    ['devtools', { senderFrame: { url: 'devtools://devtools/bundled/inspector.html', parent: null }, sender: {} }],
    ['a frame that is gone', { senderFrame: null, sender: {} }],
  ];
  for (const channel of ['saveFile', 'openFile', 'requestBackup', 'backupStatus', 'listBackups', 'readBackup', 'machineId'] as const) {
    for (const [who, event] of refused) {
      it(`refuses ${CHANNELS[channel]} from ${who}`, async () => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        await expect(invoke(CHANNELS[channel], event, { suggestedName: 'x', bytes: new Uint8Array(1), filters: [] })).rejects.toThrow(
          /did not come from the app/,
        );
        warn.mockRestore();
        expect(dialog.showSaveDialog).not.toHaveBeenCalled();
        expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      });
    }
  }

  it('accepts the dev server only when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const dev = { senderFrame: { url: 'http://localhost:5173/#/settings', parent: null }, sender: {} };
    await expect(invoke(CHANNELS.backupStatus, dev)).resolves.toMatchObject({ folder: join(electron.state.userData, 'backups') });
    electron.state.isPackaged = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(invoke(CHANNELS.backupStatus, dev)).rejects.toThrow(/did not come from the app/);
    warn.mockRestore();
  });
});

describe('IPC: every argument is checked', () => {
  const bad: [keyof typeof CHANNELS, unknown[], RegExp][] = [
    ['saveFile', [null], /save options must be an object/],
    ['saveFile', [{ suggestedName: 'a.pdf', bytes: 'text', filters: PDF }], /must be bytes/],
    ['saveFile', [{ suggestedName: 'x'.repeat(500), bytes: new Uint8Array(1), filters: PDF }], /short string/],
    ['saveFile', [{ suggestedName: 'a', bytes: new Uint8Array(1), filters: [{ name: 'x', extensions: ['../sh'] }] }], /bad extension/],
    ['openFile', [{ filters: 'all' }], /short list/],
    ['requestBackup', [new Uint8Array(3)], /must be an object/],
    ['requestBackup', [{ bytes: new Uint8Array(3), name: '../../.bashrc' }], /takes only bytes and explicit/],
    ['requestBackup', [{ bytes: new Uint8Array(3), explicit: 'yes' }], /explicit must be true or false/],
    ['requestBackup', [{ bytes: new Uint8Array(0) }], /empty/],
    ['readBackup', ['../backup-key'], /not a backup id/],
    ['readBackup', ['20260101T000000000Z-..%2f..%2fbackup-key'], /not a backup id/],
    ['readBackup', ['20260101T000000000Z-a/b'], /not a backup id/],
    ['readBackup', [42], /not a backup id/],
    ['machineId', [{ path: '/etc/shadow' }], /takes no arguments/],
  ];
  for (const [channel, args, message] of bad) {
    it(`${CHANNELS[channel]} refuses ${JSON.stringify(args).slice(0, 70)}`, async () => {
      await expect(invoke(CHANNELS[channel], fromApp, ...args)).rejects.toThrow(message);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    });
  }
});

describe('printing the asking window (the printed briefing, issue 14)', () => {
  const printer = (result: [boolean, string]) => {
    const sender = {
      print: vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) => done(...result)),
      printToPDF: vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.7'))),
    };
    return { event: { senderFrame: appFrame, sender }, sender };
  };

  it('prints the window that asked, with its backgrounds, and takes a cancelled dialog as no failure', async () => {
    const ok = printer([true, '']);
    await expect(invoke(CHANNELS.printWindow, ok.event)).resolves.toBe(true);
    expect(ok.sender.print).toHaveBeenCalledWith({ printBackground: true }, expect.any(Function));
    await expect(invoke(CHANNELS.printWindow, printer([false, 'cancelled']).event)).resolves.toBe(false);
    await expect(invoke(CHANNELS.printWindow, printer([false, 'failed']).event)).rejects.toThrow(/could not be printed \(failed\)/);
  });

  it('makes a PDF of the window laid out by its own @page rules, and refuses arguments or a foreign frame', async () => {
    const { event, sender } = printer([true, '']);
    const bytes = (await invoke(CHANNELS.printToPdf, event)) as Uint8Array;
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7');
    expect(sender.printToPDF).toHaveBeenCalledWith({ printBackground: true, preferCSSPageSize: true });
    await expect(invoke(CHANNELS.printToPdf, event, { path: '/etc/passwd' })).rejects.toThrow(/takes no arguments/);
    await expect(invoke(CHANNELS.printWindow, { senderFrame: { url: 'https://example.org/', parent: null }, sender })).rejects.toThrow(/did not come from the app/);
  });
});

describe('the machine fingerprint (a copied profile takes a new node id)', () => {
  it('answers the app with a stable hash that names nothing of the machine', async () => {
    const first = await invoke(CHANNELS.machineId, fromApp);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await invoke(CHANNELS.machineId, fromApp)).toBe(first);
    const { hostname, userInfo } = await import('node:os');
    expect(first).not.toContain(hostname());
    expect(first).not.toContain(userInfo().username);
  });

  it('differs when the host, the user or the system machine id differs', async () => {
    const { machineFingerprint } = await import('../../src-main/machine');
    const facts = (host: string, user: string, id: string) => ({ host: () => host, user: () => user, read: async () => id });
    const base = await machineFingerprint(facts('embassy-pc', 'attache', 'abc'));
    expect(await machineFingerprint(facts('embassy-pc', 'attache', 'abc'))).toBe(base);
    expect(await machineFingerprint(facts('home-pc', 'attache', 'abc'))).not.toBe(base);
    expect(await machineFingerprint(facts('embassy-pc', 'other', 'abc'))).not.toBe(base);
    expect(await machineFingerprint(facts('embassy-pc', 'attache', 'def'))).not.toBe(base);
    // No machine-id file (Windows, macOS): host and user still count.
    const none = { host: () => 'embassy-pc', user: () => 'attache', read: () => Promise.reject(new Error('ENOENT')) };
    expect(await machineFingerprint(none)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('saving through the dialog', () => {
  it('asks with overwrite confirmation on Linux, in Documents, and writes nothing when cancelled', async () => {
    chooseSavePath(undefined);
    expect(await save('Pack — Dushanbe.pdf')).toBeNull();
    const options = dialog.showSaveDialog.mock.calls[0]![0] as Electron.SaveDialogOptions;
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(options.defaultPath).toBe(join(docs, 'Pack - Dushanbe.pdf'));
    expect(options.filters).toEqual(PDF);
    expect(readdirSync(docs)).toEqual([]);
  });

  it.runIf(posix)('replaces an existing file keeping its mode', async () => {
    const path = join(docs, 'kept-mode.pdf');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    chooseSavePath(path);
    expect(await save('kept-mode.pdf', new Uint8Array([9, 9]))).toBe('kept-mode.pdf');
    expect([...readFileSync(path)]).toEqual([9, 9]);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('adds the extension the kind of file needs', async () => {
    for (const [typed, written] of [
      ['brief', 'brief.pdf'],
      ['notes.txt', 'notes.txt.pdf'],
      ['upper.PDF', 'upper.PDF'],
    ] as const) {
      chooseSavePath(join(docs, typed));
      expect(await save()).toBe(written);
      expect(existsSync(join(docs, written))).toBe(true);
    }
    expect(existsSync(join(docs, 'brief'))).toBe(false);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks before replacing a file the added extension names, and keeps it when told to cancel', async () => {
    const existing = join(docs, 'minutes.pdf');
    writeFileSync(existing, 'the old minutes');
    chooseSavePath(join(docs, 'minutes'));
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await save()).toBeNull();
    expect(readFileSync(existing, 'utf8')).toBe('the old minutes');
    const box = dialog.showMessageBox.mock.calls[0]![0] as Electron.MessageBoxOptions;
    expect(box.message).toContain('minutes.pdf');
    expect(box.buttons).toEqual(['Replace', 'Cancel']);
    expect(box.cancelId).toBe(1);

    chooseSavePath(join(docs, 'minutes'));
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await save('x.pdf', new Uint8Array([7]))).toBe('minutes.pdf');
    expect([...readFileSync(existing)]).toEqual([7]);
  });

  it('refuses the app’s own profile folder, anything inside it, and a way into it through a link', async () => {
    const profile = electron.state.userData;
    mkdirSync(join(profile, 'backups'), { recursive: true });
    const targets = [join(profile, 'evil.pdf'), join(profile, 'backups', 'x.pdf')];
    if (posix) {
      symlinkSync(profile, join(root, 'profile-link'));
      targets.push(join(root, 'profile-link', 'y.pdf'));
      writeFileSync(join(profile, 'Preferences.pdf'), 'the profile’s own file');
      symlinkSync(join(profile, 'Preferences.pdf'), join(docs, 'innocent.pdf'));
      targets.push(join(docs, 'innocent.pdf'));
    }
    for (const target of targets) {
      chooseSavePath(target);
      await expect(save(), target).rejects.toThrow(/does not save files there\. Choose another folder/);
    }
    expect(existsSync(join(profile, 'evil.pdf'))).toBe(false);
    expect(readdirSync(join(profile, 'backups')).filter((n) => n.endsWith('.pdf'))).toEqual([]);
    if (posix) expect(readFileSync(join(profile, 'Preferences.pdf'), 'utf8')).toBe('the profile’s own file');
  });

  it('a write that fails says why and leaves nothing behind', async () => {
    chooseSavePath(join(docs, 'gone', 'pack.pdf'));
    await expect(save()).rejects.toThrow(/does not exist/);
    expect(existsSync(join(docs, 'gone'))).toBe(false);
  });
});

describe('opening through the dialog', () => {
  const open = () => invoke(CHANNELS.openFile, fromApp, { filters: [{ name: 'Attaché sync file', extensions: ['attache'] }] });

  it('returns null when cancelled, and the file’s name and bytes otherwise', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await open()).toBeNull();
    writeFileSync(join(docs, 'from-colleague.attache'), 'content');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(docs, 'from-colleague.attache')] });
    const picked = (await open()) as { name: string; bytes: Uint8Array };
    expect(picked.name).toBe('from-colleague.attache');
    expect(Buffer.from(picked.bytes).toString()).toBe('content');
  });

  it(`refuses a file over ${MAX_OPEN_BYTES / 1024 / 1024} MB before reading it, and a folder`, async () => {
    const big = join(docs, 'huge.attache');
    writeFileSync(big, '');
    truncateSync(big, MAX_OPEN_BYTES + 1); // sparse: no disk used
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(open()).rejects.toThrow(/opens files up to 200 MB/);
    rmSync(big);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [docs] });
    await expect(open()).rejects.toThrow(/not a file/);
  });

  it('sends a refusal across IPC as a UserError the window says in its language', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [docs] });
    const thrown = (await open().catch((e: unknown) => e)) as Error;
    // What Electron hands the renderer: the message alone, wrapped; platform/electron.ts reads it back.
    const crossed = fromIpcMessage(ipcErrorMessage(`Error invoking remote method '${CHANNELS.openFile}': Error: ${thrown.message}`));
    expect(crossed).toBeInstanceOf(UserError);
    expect(crossed.message).toBe('That is not a file.');
    expect(messageOf(crossed, 'fr')).toBe('Ce n’est pas un fichier.');
    expect(messageOf(crossed, 'ru')).toBe('Это не файл.');
    // A file-system error by its code, and a backup's refusal, the same way.
    const gone = fromIpcMessage(toIpcError(fileError('ENOSPC')).message);
    expect(messageOf(gone, 'fr')).toBe('Le disque est plein.');
    const altered = fromIpcMessage(toIpcError(new BackupError('error.backup.altered')).message);
    expect(messageOf(altered, 'ru')).toBe('Резервная копия повреждена, обрезана или изменена: проверка целостности не пройдена.');
    // Anything else stays a plain Error with its message.
    expect(fromIpcMessage('Refused file:open: bad filters.')).toEqual(new Error('Refused file:open: bad filters.'));
  });

  it('words what it makes for the window in the language the renderer reported (a live request with no server)', async () => {
    const { registerMenuLocale } = await import('../../src-main/ipc');
    registerMenuLocale(() => {});
    const ask = () => invoke(CHANNELS.liveRequest, fromApp, { method: 'GET', path: '' });
    await expect(ask()).rejects.toThrow('Live sync has no server configured.');
    try {
      await invoke(CHANNELS.menuLocale, fromApp, 'fr');
      await expect(ask()).rejects.toThrow('Aucun serveur n’est configuré pour la synchronisation en direct.');
    } finally {
      await invoke(CHANNELS.menuLocale, fromApp, 'en');
    }
  });
});

describe('backups over IPC', () => {
  it('keeps what the page sends under a name the main process chooses, lists it and reads it back', async () => {
    const bytes = new TextEncoder().encode('a full export');
    const outcome = (await invoke(CHANNELS.requestBackup, fromApp, { bytes, explicit: true })) as { status: string; backup: { id: string } };
    expect(outcome.status).toBe('written');
    expect(outcome.backup.id).toMatch(/^\d{8}T\d{9}Z-backup\.attache\.enc$/);
    const dir = join(electron.state.userData, 'backups');
    expect(readdirSync(dir)).toContain(outcome.backup.id);
    if (posix) expect(statSync(dir).mode & 0o777).toBe(0o700);
    const list = (await invoke(CHANNELS.listBackups, fromApp)) as { id: string }[];
    expect(list.map((b) => b.id)).toContain(outcome.backup.id);
    const read = (await invoke(CHANNELS.readBackup, fromApp, outcome.backup.id)) as Uint8Array;
    expect(new TextDecoder().decode(read)).toBe('a full export');
    const status = await invoke(CHANNELS.backupStatus, fromApp);
    expect(status).toMatchObject({ protection: 'os-keychain', backend: 'gnome_libsecret', lastError: null });
    // A second automatic one moments later is not written.
    expect(await invoke(CHANNELS.requestBackup, fromApp, { bytes, explicit: false })).toMatchObject({ status: 'skipped' });
  });

  it('a damaged backup is refused with the reason', async () => {
    const list = (await invoke(CHANNELS.listBackups, fromApp)) as { id: string }[];
    const path = join(electron.state.userData, 'backups', list[0]!.id);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5]! ^= 1;
    writeFileSync(path, bytes);
    await expect(invoke(CHANNELS.readBackup, fromApp, list[0]!.id)).rejects.toThrow(/^The backup is damaged, truncated or was altered/);
  });
});

describe('the app:// protocol', () => {
  let handler: (request: Request) => Promise<Response>;
  let renderer: string;

  beforeAll(() => {
    renderer = join(root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<div id="app"></div>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
    writeFileSync(join(electron.state.userData, 'secret.txt'), 'in the profile');
  });
  beforeEach(() => {
    serveRenderer(renderer);
    handler = protocol.handle.mock.calls.at(-1)![1] as typeof handler;
    expect(protocol.handle.mock.calls.at(-1)![0]).toBe('app');
  });

  it('serves the renderer with the CSP and nosniff', async () => {
    const index = await handler(new Request('app://attache/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toBe('<div id="app"></div>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await handler(new Request('app://attache/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await (await handler(new Request('app://attache/'))).text()).toBe('<div id="app"></div>');
    const head = await handler(new Request('app://attache/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  for (const url of [
    'app://attache/..%2fsecret.txt',
    'app://attache/%2e%2e/secret.txt',
    'app://attache/%2e%2e%2f%2e%2e%2fprofile%2fsecret.txt',
    'app://attache/assets/..%2f..%2fsecret.txt',
    'app://attache/..%5csecret.txt',
    'app://attache/assets%5c..%5c..%5csecret.txt',
    'app://attache/index.html%00.js',
    'app://attache/%00',
    'app://attache/%E0%A4%A',
    'app://attache/%2Fetc%2Fpasswd',
    'app://attache/C:%5CWindows%5Cwin.ini',
    'app://elsewhere/index.html',
    'app://attache/missing.js',
  ]) {
    it(`refuses ${url}`, async () => {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain('outside the renderer');
      expect(text).not.toContain('in the profile');
    });
  }

  it('answers only GET and HEAD', async () => {
    expect((await handler(new Request('app://attache/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('the main window', () => {
  const prefs = () => electron.windows.at(-1)!.options.webPreferences as Record<string, unknown>;

  it('runs the page isolated and sandboxed, with no Node and no DevTools when packaged', () => {
    electron.state.isPackaged = true;
    createMainWindow();
    expect(prefs()).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(String(prefs().preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(prefs().additionalArguments).toEqual(['--attache-version=9.9.9', '--attache-locales=fr-FR,en-US']);
    expect(electron.windows.at(-1)!.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('has DevTools only when not packaged, and loads the dev server only then', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    createMainWindow();
    expect(prefs().devTools).toBe(true);
    expect(electron.windows.at(-1)!.loaded).toEqual(['http://localhost:5173/']);
    electron.state.isPackaged = true;
    createMainWindow();
    expect(prefs().devTools).toBe(false);
    expect(electron.windows.at(-1)!.loaded).toEqual([APP_ENTRY_URL]);
  });
});

describe('the window theme', () => {
  it('keeps the theme chosen in Settings, so the next window paints its canvas before the page loads', async () => {
    const file = join(root, 'appearance.json');
    registerWindowTheme((theme) => keepWindowTheme(file, theme));
    await invoke(CHANNELS.windowTheme, fromApp, 'light');
    expect(electron.module.nativeTheme.themeSource).toBe('light');
    expect(readWindowTheme(file)).toBe('light');
    createMainWindow();
    expect(electron.windows.at(-1)!.options.backgroundColor).toBe('#f5f6f8');

    await invoke(CHANNELS.windowTheme, fromApp, 'dark');
    expect(readWindowTheme(file)).toBe('dark');
    createMainWindow();
    expect(electron.windows.at(-1)!.options.backgroundColor).toBe('#11151c');
  });

  it('refuses anything but system, light or dark, and a file it cannot read means system', async () => {
    const file = join(root, 'appearance.json');
    registerWindowTheme((theme) => keepWindowTheme(file, theme));
    await invoke(CHANNELS.windowTheme, fromApp, 'dark');
    await expect(invoke(CHANNELS.windowTheme, fromApp, 'purple')).rejects.toThrow(/the theme must be system, light or dark/);
    await expect(invoke(CHANNELS.windowTheme, fromApp, { theme: 'dark' })).rejects.toThrow(/the theme must be/);
    expect(readWindowTheme(file)).toBe('dark');
    writeFileSync(file, '{not json');
    expect(readWindowTheme(file)).toBe('system');
  });
});

describe('navigation hardening', () => {
  it('blocks navigation away from the app and every new window', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault: () => void }, url: string) => void) => void listeners.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => void (openHandler = fn),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    hardenWebContents(contents as unknown as Electron.WebContents);
    for (const [url, blocked] of [
      ['https://example.org/', true],
      ['file:///etc/passwd', true],
      ['app://attache/index.html#/settings', false],
    ] as const) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = { preventDefault: vi.fn() };
        listeners.get(name)!(event, url);
        expect(event.preventDefault.mock.calls.length, `${name} ${url}`).toBe(blocked ? 1 : 0);
      }
    }
    const attach = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(attach, '');
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(openHandler!({ url: 'app://attache/index.html' })).toEqual({ action: 'deny' });
    warn.mockRestore();
  });
});
