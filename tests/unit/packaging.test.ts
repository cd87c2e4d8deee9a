/**
 * Packaging: what `npm run dist` promises, checked on what it builds rather than on its configuration.
 *
 * Electron's real binary cannot be downloaded here, so the app is packaged (`npm run dist -- --dir --linux`)
 * against a stand-in Electron distribution (scripts/stand-in-electron.ts) whose `electron` carries a real fuse
 * wire, into a temporary folder. Then: app.asar holds the built app only (no node_modules: everything the app
 * runs is bundled into out/), and
 * the fuses read back from the packaged executable are the ones electron-builder.ts asks for.
 *
 * The installers themselves (AppImage, deb, NSIS, dmg) cannot be built here: each needs tools that
 * electron-builder downloads from GitHub (appimagetool, fpm, NSIS) or a Mac (dmg). For those, only the
 * configuration is checked.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron-builder.ts';
import { ELECTRON_45_DEFAULT_FUSES, writeStandInElectron } from '../../scripts/stand-in-electron.ts';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builtApp = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

let tmp: string;
let unpacked: string;
let asarPath: string;
let entries: string[];
let buildLog: string;

/** Runs a command; resolves with its combined output, rejects with it when the command fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) fail(new Error(`${command} ${args.join(' ')} failed:\n${output}`));
      else done(output);
    });
  });
}

/** This environment less Vitest's variables: electron-builder logs nothing at all when it sees VITEST. */
function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
}

beforeAll(async () => {
  // `npm test` builds out/ before Vitest runs; build here only when this file runs on its own in a fresh clone.
  if (!builtApp.every((file) => existsSync(join(root, file)))) {
    const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}${build.stderr}`);
  }
  tmp = await mkdtemp(join(tmpdir(), 'attache-packaging-'));
  const electronDist = await writeStandInElectron(join(tmp, 'electron'));
  // Through the same script as `npm run dist -- --dir`, so its electronDist and pass-through handling are
  // tested too; --skip-build packages the out/ that is there rather than rebuilding it under other tests.
  buildLog = await run(
    process.execPath,
    ['scripts/dist.mjs', '--skip-build', '--dir', '--linux', '--x64', `--config.directories.output=${join(tmp, 'dist')}`],
    { ...outsideVitest(), ATTACHE_ELECTRON_DIST: electronDist },
  );
  unpacked = join(tmp, 'dist', 'linux-unpacked');
  asarPath = join(unpacked, 'resources', 'app.asar');
  // Entries as absolute paths inside the archive, with / on every platform: "/out/main/index.js".
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 120_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Names of the packages installed at the top of the archive's node_modules ("dexie", "@noble/hashes"). */
function packagesInAsar(): string[] {
  return entries
    .filter((entry) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry))
    .map((entry) => entry.slice('/node_modules/'.length, -'/package.json'.length));
}

/**
 * Every package the production dependencies need, found as Node would find it from the project: the
 * dependency's own nested node_modules first, then the top-level one.
 */
function productionClosure(): Set<string> {
  const closure = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    const nested = join(fromDir, 'node_modules', name);
    const dir = existsSync(join(nested, 'package.json')) ? nested : join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const key = `${dir}`;
    if (closure.has(key)) return;
    closure.add(key);
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (existsSync(join(dir, 'node_modules', dep, 'package.json')) || existsSync(join(root, 'node_modules', dep, 'package.json'))) visit(dep, dir);
    }
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, root);
  // Back to package names: ".../node_modules/@scope/name" → "@scope/name".
  return new Set([...closure].map((dir) => dir.replaceAll('\\', '/').split('/node_modules/').pop()!));
}

describe('npm run dist -- --dir (against a stand-in Electron)', () => {
  it('was configured by electron-builder.ts and packaged the stand-in as the attache executable', () => {
    expect(buildLog).toMatch(/loaded configuration\s+file=\S*electron-builder\.ts/);
    expect(buildLog).toContain('using custom unpacked Electron distribution');
    expect(existsSync(join(unpacked, 'attache'))).toBe(true);
    expect(existsSync(join(unpacked, 'electron'))).toBe(false);
    // Electron's licence has to travel with the binary.
    expect(existsSync(join(unpacked, 'LICENSE.electron.txt'))).toBe(true);
    // Nothing of the app lies outside the archive, where OnlyLoadAppFromAsar would ignore it anyway.
    expect(existsSync(join(unpacked, 'resources', 'app'))).toBe(false);
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it('app.asar holds the built app: main, preload, renderer and package.json', () => {
    for (const file of [...builtApp, 'package.json']) expect(entries, file).toContain(`/${file}`);
    const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['out', 'package.json']);
    const outFolders = new Set(entries.filter((entry) => entry.startsWith('/out/')).map((entry) => entry.split('/')[2]));
    expect([...outFolders].sort()).toEqual(['main', 'preload', 'renderer']);
  });

  it('app.asar holds no sources, tests, source maps or build leftovers', () => {
    const unwanted = entries.filter(
      (entry) =>
        entry.endsWith('.map') ||
        /^\/(tests|src-main|src-renderer|scripts|docs|resources|dist|test-results)(\/|$)/.test(entry) ||
        /^\/out\/(web|test-reports)(\/|$)/.test(entry) ||
        /^\/[^/]+\.(ts|md)$/.test(entry) ||
        /^\/(tsconfig\.json|package-lock\.json|electron-builder\.ts|\.gitignore|\.nvmrc)$/.test(entry),
    );
    expect(unwanted).toEqual([]);
  });

  it('app.asar holds no dependency: the renderer bundles its libraries and the main process needs none', () => {
    // Nothing from node_modules ships, dev dependencies least of all; the next test proves the main bundle
    // needs nothing from it, and the renderer's bundle is self-contained (it is served as files from out/).
    expect(packagesInAsar()).toEqual([]);
    expect(entries.filter((entry) => entry.startsWith('/node_modules/'))).toEqual([]);
    const devOnly = Object.keys(pkg.devDependencies).filter((dev) => !productionClosure().has(dev));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'vitest', 'typescript', 'electron-builder']));
  });

  it("the app's package.json has no dev dependencies or scripts, and its main is in the archive", () => {
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packaged.name).toBe(pkg.name);
    // Kept for what it documents; nothing is installed from it (no node_modules ship).
    expect(packaged.dependencies).toEqual(pkg.dependencies);
    expect(packaged).not.toHaveProperty('devDependencies');
    expect(packaged).not.toHaveProperty('scripts');
    // Electron's Linux app id, matching the attache.desktop menu entry.
    expect(packaged.desktopName).toBe('attache.desktop');
    expect(entries).toContain(`/${String(packaged.main)}`);
  });

  it('every package the main process imports at run time is in the archive', () => {
    // electron-vite leaves dependencies external in the main bundle: one missing here would crash the app at start.
    const main = extractFile(asarPath, 'out/main/index.js').toString('utf8');
    // Static imports stand at the start of a line in the bundle; comments kept in it may say `from "…"` too
    // (a backup's "another key" from "damaged"), so only statements and calls are read.
    const statements = /^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s*)?["']([^"'.][^"']*)["']/gm;
    const calls = /\b(?:import|require)\s*\(\s*["']([^"'.][^"']*)["']\s*\)/g;
    const specifiers = [...main.matchAll(statements), ...main.matchAll(calls)].map((m) => m[1]!);
    const packagesNeeded = specifiers
      .filter((s) => s !== 'electron' && !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]!))
      .map((s) => s.split('/').slice(0, s.startsWith('@') ? 2 : 1).join('/'));
    expect(specifiers.length).toBeGreaterThan(0);
    const packaged = packagesInAsar();
    expect(packagesNeeded.filter((name) => !packaged.includes(name))).toEqual([]);
  });

  it('flips the fuses in the packaged executable', async () => {
    // The stand-in starts from Electron's defaults, which are the opposite of what we want for most fuses:
    // a build that skipped the fuses would fail below.
    const before = await getCurrentFuseWire(join(tmp, 'electron', 'electron'));
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    expect(ELECTRON_45_DEFAULT_FUSES).toHaveLength(9);

    const wire = await getCurrentFuseWire(join(unpacked, 'attache'));
    const state = (fuse: FuseV1Options) => FuseState[wire[fuse] as FuseState];
    expect({
      RunAsNode: state(FuseV1Options.RunAsNode),
      EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      RunAsNode: 'DISABLE',
      EnableCookieEncryption: 'ENABLE',
      EnableNodeOptionsEnvironmentVariable: 'DISABLE',
      EnableNodeCliInspectArguments: 'DISABLE',
      EnableEmbeddedAsarIntegrityValidation: 'ENABLE',
      OnlyLoadAppFromAsar: 'ENABLE',
      GrantFileProtocolExtraPrivileges: 'DISABLE',
    });
    // Fuses not configured keep Electron's default.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe('DISABLE');
    expect(state(FuseV1Options.WasmTrapHandlers)).toBe('ENABLE');
  });
});

describe('installer targets (configuration only: they cannot be built without downloads from GitHub)', () => {
  it('Linux: AppImage and deb, in the Office category, with a maintainer and a synopsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
    expect(config.linux.synopsis.length).toBeGreaterThan(0);
  });

  it('Windows: an assisted NSIS installer that lets the user choose where, and for whom, to install', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('macOS: a dmg with the hardened runtime, in the productivity category', () => {
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ category: 'public.app-category.productivity', hardenedRuntime: true });
  });

  it('every platform has an icon that exists, and the Linux one is at least 512 px square', () => {
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    const png = readFileSync(join(root, config.linux.icon));
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });

  it('builds into dist/, which git ignores, with the Electron version the project installs', () => {
    expect(config.directories.output).toBe('dist');
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('dist/');
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
  });
});
