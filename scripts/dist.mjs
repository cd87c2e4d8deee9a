// `npm run dist [-- <electron-builder options>]`: builds the app (electron-vite → out/), then packages it with
// electron-builder (configuration: electron-builder.ts) into dist/.
//
//   npm run dist                 installers for this system: AppImage and .deb on Linux, NSIS on Windows, dmg on macOS
//   npm run dist -- --dir        the unpacked app only (dist/linux-unpacked/ on Linux), no installer
//   npm run dist -- --skip-build package the out/ already built (the packaging test does this)
//
// Every other option goes to electron-builder as it is (`--linux deb`, `--x64`, `-c.key=value`, …).
//
// electron-builder downloads Electron's binary for the target from GitHub unless given a local distribution:
// ATTACHE_ELECTRON_DIST=<folder or zip> (or ELECTRON_OVERRIDE_DIST_PATH, which Electron's own npm package
// also honours) is passed on as `electronDist`, e.g. node_modules/electron/dist where it was installed.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const builderArgs = args.filter((arg) => arg !== '--skip-build');
const electronDist = process.env.ATTACHE_ELECTRON_DIST || process.env.ELECTRON_OVERRIDE_DIST_PATH;
if (electronDist) builderArgs.push(`--config.electronDist=${resolve(electronDist)}`);
// Installers are never published from here, whatever a CI environment variable suggests.
if (!builderArgs.some((arg) => arg.startsWith('--publish') || arg === '-p')) builderArgs.push('--publish', 'never');

/** Runs a command with its output shown; resolves to its exit code (1 when it could not start or was killed). */
function run(command, commandArgs) {
  return new Promise((done) => {
    // .cmd files need a shell on Windows.
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

if (!skipBuild) {
  const built = await run(bin('electron-vite'), ['build']);
  if (built !== 0) process.exit(built);
}
process.exit(await run(bin('electron-builder'), builderArgs));
