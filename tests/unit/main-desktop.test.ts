// The desktop habits of the main process, without the Electron binary (`electron` is a mock): the due-today
// notification over IPC, the text fields' context menu with spelling suggestions, and the entry point's
// start-up (single instance, the profile-folder hook that only an unpackaged build honours, the window placed
// where it was, state saved before quitting).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const state = { userData: '', isPackaged: false, notificationsSupported: true, singleInstance: true };
  const handlers = new Map<string, Handler>();
  const appListeners = new Map<string, Listener[]>();
  const notifications: { options: { title: string; body: string }; listeners: Map<string, Listener>; shown: boolean }[] = [];
  const menus: { template: { label?: string; role?: string; enabled?: boolean; click?: () => void }[]; popup: ReturnType<typeof vi.fn> }[] = [];
  const windows: FakeWindow[] = [];
  class FakeWindow {
    listeners = new Map<string, Listener[]>();
    sent: unknown[][] = [];
    state = { minimized: true, shown: false, focused: false, maximized: false };
    bounds: { x: number; y: number; width: number; height: number };
    webContents = {
      send: (...args: unknown[]) => this.sent.push(args),
      on: (event: string, listener: Listener) => this.on(event, listener),
    };
    constructor(readonly options: Record<string, unknown>) {
      this.bounds = { x: options.x as number, y: options.y as number, width: options.width as number, height: options.height as number };
      windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    emit(event: string) {
      for (const l of this.listeners.get(event) ?? []) l();
    }
    loadURL() {
      return Promise.resolve();
    }
    isMinimized() {
      return this.state.minimized;
    }
    restore() {
      this.state.minimized = false;
    }
    show() {
      this.state.shown = true;
    }
    focus() {
      this.state.focused = true;
    }
    maximize() {
      this.state.maximized = true;
    }
    isMaximized() {
      return this.state.maximized;
    }
    isDestroyed() {
      return false;
    }
    backgroundColor = '';
    setBackgroundColor(colour: string) {
      this.backgroundColor = colour;
    }
    getNormalBounds() {
      return this.bounds;
    }
    static fromWebContents = vi.fn((): FakeWindow | null => windows[0] ?? null);
    static getAllWindows = () => windows;
    static getFocusedWindow = () => null;
  }
  class Notification {
    listeners = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    show() {
      this.shown = true;
    }
    static isSupported = () => state.notificationsSupported;
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } };
  const module = {
    app: {
      getPath: () => state.userData,
      setPath: vi.fn(),
      get isPackaged() {
        return state.isPackaged;
      },
      getVersion: () => '9.9.9',
      getPreferredSystemLanguages: () => ['en-GB'],
      getLocale: () => 'en-GB',
      requestSingleInstanceLock: () => state.singleInstance,
      quit: vi.fn(),
      enableSandbox: vi.fn(),
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => Promise.resolve(),
    },
    ipcMain: { handle: (channel: string, fn: Handler) => void handlers.set(channel, fn) },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        on: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    BrowserWindow: FakeWindow,
    Notification,
    Menu: {
      buildFromTemplate: vi.fn((template: (typeof menus)[number]['template']) => {
        const menu = { template, popup: vi.fn() };
        menus.push(menu);
        return menu;
      }),
      setApplicationMenu: vi.fn(),
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
  };
  return { state, handlers, appListeners, notifications, menus, windows, module };
});

vi.mock('electron', () => electron.module);

const { CHANNELS } = await import('../../src-main/channels');
const { attachContextMenu } = await import('../../src-main/context-menu');

const root = mkdtempSync(join(tmpdir(), 'attache-desktop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fromApp = { senderFrame: { url: 'app://attache/index.html', parent: null }, sender: {} };

describe('the due-today notification', () => {
  beforeEach(async () => {
    electron.state.userData = root;
    electron.notifications.length = 0;
    electron.windows.length = 0;
    if (!electron.handlers.has(CHANNELS.notify)) {
      const { registerIpcHandlers } = await import('../../src-main/ipc');
      registerIpcHandlers();
    }
  });

  const notify = (event: unknown, arg: unknown) => electron.handlers.get(CHANNELS.notify)!(event, arg);

  it('shows the words the renderer sends, and a click brings the window back on the tracker', async () => {
    const win = new electron.module.BrowserWindow({ x: 0, y: 0, width: 800, height: 600 });
    await expect(notify(fromApp, { title: 'Today: 1 follow-up due', body: '• Reply to UNODC' })).resolves.toBe(true);
    const [shown] = electron.notifications;
    expect(shown?.options).toMatchObject({ title: 'Today: 1 follow-up due', body: '• Reply to UNODC' });
    expect(shown?.shown).toBe(true);
    expect(win.sent).toEqual([]);
    shown!.listeners.get('click')!();
    expect(win.state).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(win.sent).toEqual([[CHANNELS.command, 'show-followups']]);
  });

  it('says false where the system has no notification centre', async () => {
    electron.state.notificationsSupported = false;
    await expect(notify(fromApp, { title: 'Today', body: '' })).resolves.toBe(false);
    electron.state.notificationsSupported = true;
    expect(electron.notifications).toHaveLength(0);
  });

  it('refuses anything but a short title and body, and any sender but the app', async () => {
    for (const bad of [null, 'Today', { title: '', body: '' }, { title: 'x'.repeat(201), body: '' }, { title: 'Today', body: 42 }, { title: 'T', body: 'x'.repeat(1001) }]) {
      await expect(notify(fromApp, bad)).rejects.toThrow(/Refused notify:show/);
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(notify({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, { title: 'T', body: '' })).rejects.toThrow(
      /did not come from the app/,
    );
    warn.mockRestore();
    expect(electron.notifications).toHaveLength(0);
  });
});

describe('the context menu of text fields', () => {
  function openMenu(params: Record<string, unknown>) {
    const listeners: Listener[] = [];
    const contents = {
      on: (_event: string, l: Listener) => listeners.push(l),
      replaceMisspelling: vi.fn(),
      session: { addWordToSpellCheckerDictionary: vi.fn() },
    };
    attachContextMenu(contents as never);
    electron.menus.length = 0;
    const editFlags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true };
    listeners[0]!({}, { isEditable: true, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags, ...params });
    return { contents, menu: electron.menus[0] };
  }

  it('offers spelling suggestions first, replaces the word, and can learn it', () => {
    const { contents, menu } = openMenu({ misspelledWord: 'Dushanbee', dictionarySuggestions: ['Dushanbe', 'Dushanbe’s'] });
    const labels = menu!.template.map((i) => i.label ?? i.role);
    expect(labels.slice(0, 3)).toEqual(['Dushanbe', 'Dushanbe’s', 'Add to dictionary']);
    expect(labels).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    menu!.template[0]!.click!();
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('Dushanbe');
    menu!.template[2]!.click!();
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('Dushanbee');
    expect(menu!.popup).toHaveBeenCalled();
  });

  it('shows the editing commands as the field allows them, and nothing on plain page text', () => {
    const { menu } = openMenu({ editFlags: { canUndo: false, canRedo: false, canCut: false, canCopy: false, canPaste: true } });
    expect(menu!.template.find((i) => i.role === 'cut')?.enabled).toBe(false);
    expect(menu!.template.find((i) => i.role === 'paste')?.enabled).toBe(true);
    expect(openMenu({ isEditable: false }).menu).toBeUndefined();
  });
});

describe('start-up of the main process', () => {
  it('honours ATTACHE_USER_DATA_DIR only unpackaged, places the window where it was, and saves its place before quitting', async () => {
    const profile = mkdtempSync(join(root, 'profile-'));
    electron.state.userData = profile;
    const stateFile = join(profile, 'window-state.json');
    writeFileSync(stateFile, JSON.stringify({ bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true }));
    electron.windows.length = 0;
    process.env.ATTACHE_USER_DATA_DIR = join(root, 'elsewhere');
    electron.state.isPackaged = true;
    vi.resetModules();
    await import('../../src-main/index');
    await new Promise((r) => setTimeout(r, 0));
    // Packaged: an environment variable cannot move the workspace.
    expect(electron.module.app.setPath).not.toHaveBeenCalled();
    const win = electron.windows[0]!;
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    expect((win.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    win.emit('ready-to-show');
    expect(win.state.maximized).toBe(true);

    // Quitting waits for the window's place to be on disk, then quits for real.
    win.bounds = { x: 120, y: 90, width: 1100, height: 720 };
    const event = { preventDefault: vi.fn() };
    for (const l of electron.appListeners.get('before-quit') ?? []) l(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.module.app.quit).toHaveBeenCalled());
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ bounds: { x: 120, y: 90, width: 1100, height: 720 }, maximized: true });

    // Unpackaged (the end-to-end tests): the throw-away profile is used.
    electron.state.isPackaged = false;
    vi.resetModules();
    await import('../../src-main/index');
    expect(electron.module.app.setPath).toHaveBeenCalledWith('userData', join(root, 'elsewhere'));
    delete process.env.ATTACHE_USER_DATA_DIR;
  });

  it('a second launch of the same profile quits at once and opens no window', async () => {
    electron.state.singleInstance = false;
    electron.windows.length = 0;
    electron.module.app.quit.mockClear();
    vi.resetModules();
    await import('../../src-main/index');
    await new Promise((r) => setTimeout(r, 0));
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    electron.state.singleInstance = true;
  });
});
